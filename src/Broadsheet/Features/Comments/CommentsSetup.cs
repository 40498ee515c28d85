namespace Broadsheet.Features.Comments;

public static class CommentsSetup
{
    public static IServiceCollection AddComments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(CommentOptions.Section).Get<CommentOptions>() ?? new CommentOptions());
        services.AddScoped<CommentDesk>();
        return services;
    }

    public static IEndpointRouteBuilder MapComments(this IEndpointRouteBuilder app) => app.MapCommentsApi().MapReaderData();
}
