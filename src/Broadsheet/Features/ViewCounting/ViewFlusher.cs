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
/// </summary>
public sealed class ViewFlusher(
    IViewTally tally, JobLeases leases, ListingMemo memo, SiteMetrics metrics, IServiceScopeFactory scopes, TimeProvider clock, BroadsheetOptions options, ILogger<ViewFlusher> log)
    : BackgroundService
{
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    // Views taken from the tally whose write failed and which could not be put back; only touched under oneAtATime.
    private List<PendingViews> carried = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.ViewFlushSeconds)), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                // A shared tally is written out by one node at a time; each node's own memory by itself.
                if (tally.IsShared && !await HoldsLeaseAsync(stoppingToken))
                {
                    metrics.JobRan(Job, "standby");
                    continue;
                }
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public const string Job = "view-flush";

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
        if (tally.IsShared) await leases.ReleaseAsync(Job, cancellationToken);
    }

    private async Task<bool> HoldsLeaseAsync(CancellationToken ct)
    {
        try { return await leases.TryHoldAsync(Job, ct); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not check the {Job} lease", Job);
            return false;
        }
    }

    /// <summary>
    /// Writes what has been counted. A failed write keeps the views for the next try: back in the tally, or,
    /// when that fails too (Redis away while the database is), in this node's memory until the next flush.
    /// </summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        await oneAtATime.WaitAsync(ct);
        try
        {
            var batch = carried;
            carried = [];
            try { batch = [.. batch, .. await tally.TakeAsync(clock.GetUtcNow().UtcDateTime)]; }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Could not read the view tally; the views wait there for the next flush");
                if (batch.Count == 0) return;
            }
            if (batch.Count == 0)
            {
                metrics.ViewsFlushed(0, TimeSpan.Zero);
                return;
            }
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
                log.LogWarning(e, "Could not write {Count} article-day view counts; keeping them for the next flush", batch.Count);
            }
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
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var article in batch.GroupBy(v => v.ArticleId))
        {
            var id = article.Key;
            var views = article.Sum(v => v.Views);
            // The visibility check here is what keeps unknown, draft and withdrawn ids out of the
            // database: the beacon itself never touches it.
            var counted = await db.Articles.Where(a => a.Id == id).VisibleAt(now)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.ViewCount, a => a.ViewCount + views), ct);
            if (counted == 0) continue;
            foreach (var day in article)
            {
                // An upsert that SQLite (3.24+) and PostgreSQL both understand; the qualified
                // "DailyViews"."Views" keeps PostgreSQL from calling the bare name ambiguous.
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "DailyViews" ("Day", "ArticleId", "Views") VALUES ({day.Day}, {id}, {day.Views})
                    ON CONFLICT ("Day", "ArticleId") DO UPDATE SET "Views" = "DailyViews"."Views" + excluded."Views"
                    """, ct);
            }
        }
        await transaction.CommitAsync(ct);
    }
}
