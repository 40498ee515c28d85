namespace Broadsheet.Features.Comments;

public static class CommentsSetup
{
    public static IServiceCollection AddComments(this IServiceCollection services)
    {
        services.AddOptions<CommentOptions>().BindConfiguration(CommentOptions.Section);
        services.AddScoped<CommentDesk>();
        return services;
    }

    public static IEndpointRouteBuilder MapComments(this IEndpointRouteBuilder app) => app.MapCommentsApi();
}
