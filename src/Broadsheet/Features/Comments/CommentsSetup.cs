using Broadsheet.Features.Accounts;
using Broadsheet.Features.Moderation;
using Broadsheet.Features.Newsroom.Moderation;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Features.Comments;

public static class CommentsSetup
{
    public static IServiceCollection AddComments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(CommentOptions.Section).Get<CommentOptions>() ?? new CommentOptions());
        services.AddSingleton<RuleBooks>();
        services.AddScoped<CommentDesk>();
        services.AddScoped<CommentModeration>();
        services.AddScoped<ReaderMail>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ModerationPolicy.Moderators, p => p.RequireRole(StaffRoles.Admin, StaffRoles.Editor, StaffRoles.Moderator));
        services.PostConfigure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Newsroom/Moderation", ModerationPolicy.Moderators));
        return services;
    }

    public static IEndpointRouteBuilder MapComments(this IEndpointRouteBuilder app) => app.MapCommentsApi();
}
