using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Import;

/// <summary>
/// The old site's addresses (<see cref="ImportedLink"/>) answered with a 301 to where the item lives now.
/// Only a request that found nothing here (a 404) is looked up, and the home page's <c>?p=123</c>, so the
/// site's own pages pay nothing for it.
/// </summary>
public static class OldLinks
{
    public static IApplicationBuilder UseOldLinks(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var query = request.Path == "/" && (request.Query["p"].Count == 1 || request.Query["page_id"].Count == 1)
            ? request.Query["p"].Count == 1 ? $"/?p={request.Query["p"]}" : $"/?page_id={request.Query["page_id"]}"
            : null;
        if (query is not null && HttpMethods.IsGet(request.Method) && await FindAsync(context, query) is { } moved)
        {
            context.Response.Redirect(moved, permanent: true);
            return;
        }
        await next(context);
        if (context.Response.StatusCode != StatusCodes.Status404NotFound || context.Response.HasStarted
            || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))) return;
        if (await FindAsync(context, request.Path.Value ?? "/") is { } target)
            context.Response.Redirect(target, permanent: true);
    });

    private static async Task<string?> FindAsync(HttpContext context, string path)
    {
        var key = ImportedLink.Key(path);
        if (key.Length <= 1) return null;
        var db = context.RequestServices.GetRequiredService<BroadsheetDb>();
        var ct = context.RequestAborted;
        var link = await db.ImportedLinks.AsNoTracking().FirstOrDefaultAsync(l => l.Path == key, ct);
        if (link is null) return null;
        var id = (int)link.TargetId;
        return link.Kind switch
        {
            "article" => await ArticleAsync(context, db, id, ct),
            "rubric" => await db.Rubrics.Where(r => r.Id == id).Select(r => "/rubric/" + r.Slug).FirstOrDefaultAsync(ct),
            "tag" => await db.Tags.Where(t => t.Id == id).Select(t => "/tag/" + t.Slug).FirstOrDefaultAsync(ct),
            "author" => await db.Authors.Where(a => a.Id == id).Select(a => "/author/" + a.Slug).FirstOrDefaultAsync(ct),
            "page" => await db.SitePages.Where(p => p.Id == id).Select(p => "/" + p.Slug).FirstOrDefaultAsync(ct),
            "media" => await db.Media.Where(m => m.Id == id).Select(m => m.Path).FirstOrDefaultAsync(ct),
            _ => null,
        };
    }

    private static async Task<string?> ArticleAsync(HttpContext context, BroadsheetDb db, int id, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.Slug, a.Status, a.PublishedAt }).FirstOrDefaultAsync(ct);
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        if (article is not { Status: ArticleStatus.Published, PublishedAt: { } at } || at > now) return null;
        var site = await context.RequestServices.GetRequiredService<SiteSettingsStore>().GetAsync(ct);
        return ArticleUrl.For(site, at, article.Slug);
    }
}
