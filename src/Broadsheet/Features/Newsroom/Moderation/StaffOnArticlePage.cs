using Broadsheet.Features.Accounts;
using Broadsheet.Features.Newsroom.Language;

namespace Broadsheet.Features.Newsroom.Moderation;

/// <summary>
/// GET /api/moderation/articles/{id}: what staff-comments.js adds to the public article page for a moderator
/// (a link to the article's comments, a Remove link on each comment to a page that asks first, the words they need).
/// The article page is cached for every reader, so this per-person part is asked for on every view and never cached;
/// anyone else gets 204 and the page stays as it is.
/// </summary>
public static class StaffOnArticlePage
{
    public static IEndpointRouteBuilder MapStaffOnArticlePage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/moderation/articles/{id:int}", Answer);
        return app;
    }

    private static IResult Answer(int id, HttpContext context, NewsroomWords words)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (!context.User.IsInAny(StaffRoles.Moderators)) return Results.NoContent();
        return Results.Json(new
        {
            href = $"/newsroom/moderation/articles/{id}",
            label = words["Manage comments"],
            remove = words["Remove"],
            confirm = "/newsroom/moderation/comments/{id}/remove",
        });
    }
}
