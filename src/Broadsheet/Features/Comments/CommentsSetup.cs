using Broadsheet.Features.Accounts;
using Broadsheet.Features.Moderation;
using Broadsheet.Features.Newsroom.Moderation;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Features.Comments;

public static class CommentsSetup
{
    public static IServiceCollection AddComments(this IServiceCollection services)
    {
        services.AddOptions<CommentOptions>().BindConfiguration(CommentOptions.Section);
        services.AddSingleton<RuleBooks>();
        services.AddScoped<CommentDesk>();
        services.AddScoped<CommentModeration>();
        services.AddScoped<ReaderMail>();
        services.PostConfigure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Newsroom/Moderation", StaffPolicies.Moderators));
        return services;
    }

    public static IEndpointRouteBuilder MapComments(this IEndpointRouteBuilder app) => app.MapCommentsApi();
}
