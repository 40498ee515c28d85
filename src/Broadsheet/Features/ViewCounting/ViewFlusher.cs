using Broadsheet.Features.Articles;
using Broadsheet.Infrastructure;
using Broadsheet.Infrastructure.Caching;
using Broadsheet.Infrastructure.Data;
using Broadsheet.Infrastructure.Jobs;
using Broadsheet.Infrastructure.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.ViewCounting;

/// <summary>
/// Writes the tally to the database every few seconds, in one transaction, so that no reader's
/// request waits on a write. A page is cached for 45 seconds, so with the default 10-second flush
/// the count a reader sees lags the truth by under a minute. Whatever is left is written on shutdown.
/// A shared tally (Redis) is written out by one node at a time; each node's own memory by itself.
/// </summary>
public sealed class ViewFlusher(
    IViewTally tally, ListingMemo memo, SiteMetrics metrics, IServiceScopeFactory scopes, TimeProvider clock, BroadsheetOptions options, ILogger<ViewFlusher> log)
    : IJob, IDisposable
{
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    // Views taken from the tally whose write failed and which could not be put back; only touched under oneAtATime.
    private List<PendingViews> carried = [];

    // The hour of the last prune of hourly figures; only touched under oneAtATime.
    private int lastPrunedHour = -1;

    public const string Job = "view-flush";

    public string Name => Job;
    public JobSchedule Schedule => JobSchedule.Every(TimeSpan.FromSeconds(Math.Max(1, options.ViewFlushSeconds)));
    public bool OnOneNode => tally.IsShared;

    public Task RunAsync(CancellationToken ct) => FlushAsync(ct);

    public Task StoppedAsync(CancellationToken ct) => FlushAsync(ct);

    public void Dispose() => oneAtATime.Dispose();

    /// <summary>
    /// Writes what has been counted (tests and shutdown call this; the job host calls <see cref="RunAsync"/>, which
    /// lets a failure reach the host so that an outage is logged once, not at every flush).
    /// </summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        try { await WriteOutAsync(ct); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "The view flush failed");
        }
    }

    /// <summary>
    /// A failed write keeps the views for the next try: back in the tally, or, when that fails too (Redis away
    /// while the database is), in this node's memory until the next flush; then it throws.
    /// </summary>
    private async Task WriteOutAsync(CancellationToken ct)
    {
        await oneAtATime.WaitAsync(ct);
        try
        {
            var batch = carried;
            carried = [];
            Exception? unread = null;
            try { batch = [.. batch, .. await tally.TakeAsync(clock.GetUtcNow().UtcDateTime)]; }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                unread = e;
            }
            if (batch.Count == 0)
            {
                if (unread is null) metrics.ViewsFlushed(0, TimeSpan.Zero);
            }
            else
            {
                try
                {
                    var started = clock.GetTimestamp();
                    await WriteAsync(batch, ct);
                    await memo.ForgetAsync(MostRead.Kind, ct);
                    metrics.ViewsFlushed(batch.Sum(v => v.Views), clock.GetElapsedTime(started));
                    log.LogDebug("Wrote {Views} views of {Count} article-days in {Elapsed}",
                        batch.Sum(v => v.Views), batch.Count, clock.GetElapsedTime(started));
                }
                catch (Exception e)
                {
                    await KeepAsync(batch);
                    if (e is OperationCanceledException) throw;
                    throw new InvalidOperationException($"Could not write {batch.Count} article-day view counts; they are kept for the next flush", e);
                }
            }
            if (unread is not null) throw new InvalidOperationException("Could not read the view tally; the views wait there for the next flush", unread);
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    private async Task KeepAsync(List<PendingViews> batch)
    {
        try { await tally.PutBackAsync(batch); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not put {Count} article-day view counts back in the tally; this node keeps them for the next flush", batch.Count);
            carried = batch;
        }
    }

    private async Task WriteAsync(List<PendingViews> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var hour = HourlyViews.HourOf(now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The visibility check here is what keeps unknown, draft and withdrawn ids out of the
        // database: the beacon itself never touches it. One query for the whole batch.
        var ids = batch.Select(v => v.ArticleId).Distinct().ToList();
        var visible = (await db.Articles.Where(a => ids.Contains(a.Id)).VisibleAt(now).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        foreach (var article in batch.Where(v => visible.Contains(v.ArticleId)).GroupBy(v => v.ArticleId))
        {
            var id = article.Key;
            var views = article.Sum(v => v.Views);
            // Upserts that SQLite (3.24+) and PostgreSQL both understand; the qualified "DailyViews"."Views"
            // keeps PostgreSQL from calling the bare name ambiguous. The total has a narrow row of its own
            // (ViewTotal), so the article's row is only read, never rewritten.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "ViewTotals" ("ArticleId", "Views") VALUES ({id}, {views})
                ON CONFLICT ("ArticleId") DO UPDATE SET "Views" = "ViewTotals"."Views" + excluded."Views"
                """, ct);
            foreach (var day in article)
            {
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "DailyViews" ("Day", "ArticleId", "Views") VALUES ({day.Day}, {id}, {day.Views})
                    ON CONFLICT ("Day", "ArticleId") DO UPDATE SET "Views" = "DailyViews"."Views" + excluded."Views"
                    """, ct);
            }
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "HourlyViews" ("Hour", "ArticleId", "Views") VALUES ({hour}, {id}, {views})
                ON CONFLICT ("Hour", "ArticleId") DO UPDATE SET "Views" = "HourlyViews"."Views" + excluded."Views"
                """, ct);
        }
        // The first flush of each hour drops the hours the charts no longer show: one indexed range delete an hour.
        if (hour != lastPrunedHour)
        {
            var oldest = HourlyViews.HourOf(now - HourlyViews.KeptFor);
            await db.HourlyViews.Where(h => h.Hour < oldest).ExecuteDeleteAsync(ct);
        }
        await transaction.CommitAsync(ct);
        lastPrunedHour = hour;
    }
}

