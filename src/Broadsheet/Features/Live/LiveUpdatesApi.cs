using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Live;

/// <summary>
/// What an open live page listens to: the server-sent stream, and the JSON a page polls where a stream cannot
/// be kept open. Both carry only entries changed after the change number the page already has (Last-Event-ID,
/// or <c>?after=</c> from the page itself); the page with every entry stays in the page cache.
/// </summary>
public static class LiveUpdatesApi
{
    public static async Task<IResult> StreamAsync(int articleId, long? after, HttpContext http, LiveOpenings openings,
        SiteContext site, PublicOrigin origin, CancellationToken ct)
    {
        var article = await openings.FindAsync(articleId).WaitAsync(ct);
        // 204 tells EventSource to stop trying: the coverage has ended (or never was), and the page says so when reloaded.
        if (article is null) return Results.NoContent();
        var since = long.TryParse(http.Request.Headers["Last-Event-ID"], out var resumed) ? resumed : after ?? 0;
        var html = new LiveEntryHtml(site, origin.ForPages + ArticleUrl.For(site, article.PublishedAt, article.Slug));
        return new LiveStream(articleId, Math.Max(0, since), article.Latest, html);
    }

    public static async Task<IResult> PollAsync(int articleId, long? after, BroadsheetDb db, SiteContext site, PublicOrigin origin,
        TimeProvider clock, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking().VisibleAt(clock.GetUtcNow().UtcDateTime)
            .Where(a => a.Id == articleId && a.Live != LiveState.None).FirstOrDefaultAsync(ct);
        if (article is null) return Results.NotFound();
        var html = new LiveEntryHtml(site, origin.ForPages + ArticleUrl.For(site, article.PublishedAt!.Value, article.Slug));
        var updates = await ChangedSinceAsync(db, articleId, Math.Max(0, after ?? 0), html, ct);
        var last = updates.Count > 0 ? updates[^1].Change : Math.Max(0, after ?? 0);
        return Results.Json(new { last, running = article.Live == LiveState.Running, updates },
            statusCode: StatusCodes.Status200OK);
    }

    internal static async Task<List<LiveUpdate>> ChangedSinceAsync(BroadsheetDb db, int articleId, long since, LiveEntryHtml html, CancellationToken ct) =>
        [.. (await db.LiveEntries.AsNoTracking().Where(e => e.ArticleId == articleId && e.Change > since)
            .OrderBy(e => e.Change).Take(200).ToListAsync(ct)).Select(e => LiveUpdate.Of(e, html))];
}
