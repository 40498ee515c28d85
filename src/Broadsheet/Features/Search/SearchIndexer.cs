using System.Diagnostics;
using System.Threading.Channels;
using Broadsheet.Features.Articles;
using Broadsheet.Infrastructure.Data;
using Broadsheet.Infrastructure.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Search;

/// <summary>
/// Keeps the index following the content. Announced changes queue up and one worker — the
/// only writer — re-reads those articles from the database and replaces or removes their
/// documents, a batch at a time, so an announcement shows in search well within a second.
/// A rebuild runs on the same worker, so a change announced meanwhile is applied after it.
/// A write that fails (a full disk) is tried again twice; then the index is <see cref="IsStale"/>:
/// the articles it missed are remembered, and it catches up with the database on its own, with
/// growing pauses, once it can write again. On start it compares every article's version with the
/// one it indexed, so what a restart made it forget (an edit saved while the disk was full) is caught up too.
/// </summary>
public sealed class SearchIndexer(ArticleIndex index, IServiceScopeFactory scopes, SiteMetrics metrics, TimeProvider clock, ILogger<SearchIndexer> log)
    : BackgroundService, IArticleObserver
{
    private const int BatchSize = 500;
    private static readonly TimeSpan[] Retries = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1)];
    private static readonly TimeSpan FirstCatchUp = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(30);

    private readonly Channel<Work> queue = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });

    // Touched by the worker only.
    private readonly HashSet<int> missed = [];
    private TimeSpan pause = FirstCatchUp;
    // The next catch-up is due when this much time has passed since fellBehind (timestamps on the clock: elapsed time, not the wall clock).
    private TimeSpan catchUpAfter;
    private long fellBehind;
    private volatile bool stale;

    /// <summary>Every node keeps its own Lucene index, so each must follow changes made anywhere.</summary>
    public bool FollowsEveryNode => true;

    /// <summary>The index is behind the database and will catch up when it can write again.</summary>
    public bool IsStale => stale;

    public Task ArticleChangedAsync(int articleId, CancellationToken ct)
    {
        queue.Writer.TryWrite(new Work(articleId, null));
        return Task.CompletedTask;
    }

    /// <summary>Rebuilds the whole index from the database; the task ends when searches see the result.</summary>
    public Task RebuildAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        queue.Writer.TryWrite(new Work(null, done));
        return done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!TryOpen()) await Task.Delay(TimeSpan.FromSeconds(5), clock, stoppingToken);
        await CatchUpAsync(recover: false, rebuilt: null, stoppingToken);

        var ids = new HashSet<int>();
        while (await NextWorkAsync(stoppingToken))
        {
            ids.Clear();
            TaskCompletionSource? rebuild = null;
            while (rebuild is null && ids.Count < BatchSize && queue.Reader.TryRead(out var work))
            {
                if (work.ArticleId is { } id) ids.Add(id);
                else rebuild = work.Rebuilt;
            }
            if (stale)
            {
                missed.UnionWith(ids);
                if (rebuild is not null || CatchUpDue <= TimeSpan.Zero) await CatchUpAsync(recover: true, rebuild, stoppingToken);
                continue;
            }
            if (!await FollowAsync(ids, stoppingToken))
            {
                missed.UnionWith(ids);
                FallBehind(null);
            }
            if (rebuild is not null) await CatchUpAsync(recover: stale, rebuild, stoppingToken);
        }
    }

    private TimeSpan CatchUpDue => catchUpAfter - clock.GetElapsedTime(fellBehind);

    /// <summary>Waits for work; while stale, no longer than until the next catch-up is due. False when the app stops.</summary>
    private async Task<bool> NextWorkAsync(CancellationToken ct)
    {
        if (!stale) return await queue.Reader.WaitToReadAsync(ct);
        var due = CatchUpDue;
        if (due <= TimeSpan.Zero) return true;
        using var timeout = new CancellationTokenSource(due, clock);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try { return await queue.Reader.WaitToReadAsync(wait.Token); }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { return true; }
    }

    private bool TryOpen()
    {
        try
        {
            index.Open();
            return true;
        }
        catch (Lucene.Net.Store.LockObtainFailedException e)
        {
            log.LogWarning(e, "Search index is busy (a reindex running?); trying again in 5 s");
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.LogError(e, "Search index cannot be opened; trying again in 5 s");
            metrics.SearchIndexFailed();
            return false;
        }
    }

    /// <summary>Applies the changes to these articles, trying again after a failure; false if every try failed.</summary>
    private async Task<bool> FollowAsync(HashSet<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return true;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await WriteAsync(ids, ct);
                return true;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                metrics.SearchIndexFailed();
                log.LogWarning(e, "Search index failed to follow articles {Ids} (attempt {Attempt})", Shorten(ids), attempt + 1);
                if (!TryRecover() || attempt == Retries.Length) return false;
                await Task.Delay(Retries[attempt], clock, ct);
            }
        }
    }

    private async Task WriteAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        foreach (var chunk in ids.Chunk(BatchSize))
        {
            var found = await ArticleSource.ByIdsAsync(db, chunk, ct);
            foreach (var article in found) index.Put(article);
            foreach (var gone in chunk.Except(found.Select(a => a.Id))) index.Remove(gone);
            db.ChangeTracker.Clear();
        }
        index.Publish();
    }

    private bool TryRecover()
    {
        try
        {
            index.Recover();
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Search index could not be reopened after a failed write");
            return false;
        }
    }

    /// <summary>
    /// Brings the index level with the database: a rebuild when asked or when it is empty, otherwise the
    /// articles it missed plus every article whose version differs from the one it holds (and those it holds that are gone).
    /// </summary>
    private async Task CatchUpAsync(bool recover, TaskCompletionSource? rebuilt, CancellationToken ct)
    {
        try
        {
            if (recover) index.Recover();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
            var behind = stale;
            if (rebuilt is not null || index.NeedsRebuild || index.Stamps() is not { } indexed)
            {
                if (rebuilt is null && !index.NeedsRebuild) log.LogInformation("Search index predates version stamps; rebuilding it once");
                await RebuildAsync(index, db, progress: null, ct, writers: Math.Max(1, Environment.ProcessorCount / 2), showEvery: TimeSpan.FromSeconds(10));
            }
            else
            {
                // The database's versions are compared as they stream by, not held: at a million articles a second
                // map of them would be 30 MB more at every start, beside the index's own.
                await foreach (var article in ArticleSource.Versions(db).AsAsyncEnumerable().WithCancellation(ct))
                    if (!indexed.Remove(article.Id, out var version) || version != article.Version) missed.Add(article.Id);
                // What the index still holds is gone from the database.
                missed.UnionWith(indexed.Keys);
                if (missed.Count > 0)
                {
                    log.LogInformation("Search index catching up with {Count} articles changed in the database: {Ids}", missed.Count, Shorten(missed));
                    await WriteAsync(missed, ct);
                }
            }
            missed.Clear();
            if (behind) log.LogInformation("Search index caught up with the database");
            stale = false;
            pause = FirstCatchUp;
            metrics.SearchIndexStale(false);
            rebuilt?.TrySetResult();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            metrics.SearchIndexFailed();
            FallBehind(e);
            rebuilt?.TrySetException(e);
        }
    }

    private void FallBehind(Exception? e)
    {
        if (!stale)
            log.LogError(e, "Search index is behind the database ({Count} articles missed); it will catch up when it can write again", missed.Count);
        else if (e is not null)
            log.LogWarning(e, "Search index still cannot catch up; trying again in {Seconds} s", (int)pause.TotalSeconds);
        stale = true;
        metrics.SearchIndexStale(true);
        fellBehind = clock.GetTimestamp();
        catchUpAfter = pause;
        pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
    }

    private static string Shorten(IEnumerable<int> ids)
    {
        var list = ids.Take(21).ToList();
        return list.Count > 20 ? string.Join(",", list.Take(20)) + ",…" : string.Join(",", list);
    }

    /// <summary>
    /// An empty index (missing, corrupt) fills up in view of searches, a batch at a time; a
    /// rebuild over a working index swaps in all at once at the end, so nobody sees it half-built.
    /// </summary>
    /// <param name="writers">
    /// Threads analysing articles at once (Lucene's writer takes documents from several). The analysis is nearly
    /// all of a rebuild's cost: the <c>reindex</c> command, with the site stopped, uses every core; a running site
    /// half of them, so pages are still served meanwhile.
    /// </param>
    /// <param name="showEvery">
    /// How often a fresh index is made visible to searches while it fills. Each time flushes a small segment on
    /// one thread (a third of a rebuild's time at every 2 s), so the <c>reindex</c> command, which nobody searches
    /// meanwhile, never does.
    /// </param>
    public static async Task<RebuildReport> RebuildAsync(
        ArticleIndex index, BroadsheetDb db, Action<int, int>? progress, CancellationToken ct, int writers = 1, TimeSpan? showEvery = null)
    {
        index.Open();
        var fresh = index.NeedsRebuild;
        if (!fresh) index.Clear();
        var total = await ArticleSource.CountAsync(db, ct);
        var clock = Stopwatch.StartNew();
        var count = 0;
        var lastShown = Stopwatch.StartNew();
        await foreach (var batch in ArticleSource.AllAsync(db, BatchSize, ct))
        {
            if (writers <= 1) foreach (var article in batch) index.Add(article);
            else Parallel.ForEach(batch, new ParallelOptions { MaxDegreeOfParallelism = writers, CancellationToken = ct }, index.Add);
            count += batch.Count;
            if (fresh && lastShown.Elapsed > showEvery)
            {
                index.Publish(commit: false);
                lastShown.Restart();
            }
            progress?.Invoke(count, total);
        }
        index.MarkRebuilt();
        return new RebuildReport(count, clock.Elapsed);
    }

    private sealed record Work(int? ArticleId, TaskCompletionSource? Rebuilt);
}

public sealed record RebuildReport(int Articles, TimeSpan Elapsed)
{
    public double PerSecond => Articles / Math.Max(Elapsed.TotalSeconds, 0.001);
}
