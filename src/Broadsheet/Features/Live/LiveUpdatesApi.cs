using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Live;

/// <summary>
/// What an open live page listens to: the server-sent stream, and the JSON a page polls where a stream cannot
/// be kept open. Both carry only entries changed after the change number the page already has (Last-Event-ID,
/// or <c>?after=</c> from the page itself); the page with every entry stays in the page cache.
/// </summary>
public static class LiveUpdatesApi
{
    public static async Task<IResult> StreamAsync(int articleId, long? after, HttpContext http, BroadsheetDb db, LiveWire wire,
        LiveOpenings openings, SiteContext site, PublicOrigin origin, LiveOptions options, IHostApplicationLifetime lifetime, CancellationToken ct)
    {
        var article = await openings.FindAsync(articleId).WaitAsync(ct);
        // 204 tells EventSource to stop trying: the coverage has ended (or never was), and the page says so when reloaded.
        if (article is null) return Results.NoContent();
        var since = long.TryParse(http.Request.Headers["Last-Event-ID"], out var resumed) ? resumed : after ?? 0;
        http.Response.Headers.CacheControl = "no-store";
        // Tells nginx not to hold the stream back in its buffer.
        http.Response.Headers["X-Accel-Buffering"] = "no";
        var html = new LiveEntryHtml(site, origin.ForPages + ArticleUrl.For(site, article.PublishedAt, article.Slug));
        return TypedResults.ServerSentEvents(Events(articleId, Math.Max(0, since), article.Latest, db, wire, html, options, lifetime, ct));
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

    private static async Task<List<LiveUpdate>> ChangedSinceAsync(BroadsheetDb db, int articleId, long since, LiveEntryHtml html, CancellationToken ct) =>
        [.. (await db.LiveEntries.AsNoTracking().Where(e => e.ArticleId == articleId && e.Change > since)
            .OrderBy(e => e.Change).Take(200).ToListAsync(ct)).Select(e => LiveUpdate.Of(e, html))];

    /// <summary>
    /// Listens before it reads what the page missed, so nothing posted in between is lost; anything heard twice
    /// (in the catch-up and on the wire) goes out once.
    /// </summary>
    private static async IAsyncEnumerable<SseItem<string>> Events(int articleId, long since, long latest, BroadsheetDb db, LiveWire wire,
        LiveEntryHtml html, LiveOptions options, IHostApplicationLifetime lifetime, [EnumeratorCancellation] CancellationToken aborted)
    {
        using var listener = wire.Listen(articleId);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(aborted, lifetime.ApplicationStopping);
        bounded.CancelAfter(options.StreamLifetime);
        var ct = bounded.Token;
        // Sent, not merely the highest: two nodes' updates may cross on the wire, and the later number must not hide the earlier.
        var sent = new HashSet<long>();

        // Spread over a second retry interval, so readers a node drops together do not all come back together.
        var retry = options.Retry + TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * options.Retry.TotalMilliseconds);
        yield return new SseItem<string>("", "hello") { ReconnectionInterval = retry };
        // A reader already current (the usual case: a page just loaded, or a stream resumed) costs no query.
        if (since < Math.Max(latest, wire.LatestHeard(articleId)))
            foreach (var update in await ChangedSinceAsync(db, articleId, since, html, ct))
            {
                sent.Add(update.Change);
                yield return Item(update);
            }
        while (!ct.IsCancellationRequested)
        {
            LiveUpdate? next = null;
            var ended = false;
            using (var beat = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                beat.CancelAfter(options.Heartbeat);
                try
                {
                    if (!await listener.Queue.Reader.WaitToReadAsync(beat.Token)) ended = true;
                    else listener.Queue.Reader.TryRead(out next);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }
                catch (OperationCanceledException) { ended = true; }
            }
            // A queue closed for falling behind: end the stream, and the browser resumes from the table.
            if (ended) yield break;
            if (next is null) yield return new SseItem<string>("", "ping");
            else if (next.Change > since && sent.Add(next.Change)) yield return Item(next);
        }
    }

    private static SseItem<string> Item(LiveUpdate update) =>
        new(update.Json, "update") { EventId = update.Change.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
