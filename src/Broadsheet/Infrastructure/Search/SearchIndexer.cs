using System.Diagnostics;
using System.Threading.Channels;
using Broadsheet.Features.Articles;
using Broadsheet.Infrastructure.Data;

namespace Broadsheet.Infrastructure.Search;

/// <summary>
/// Keeps the index following the content. Announced changes queue up and one worker — the
/// only writer — re-reads those articles from the database and replaces or removes their
/// documents, a batch at a time, so an announcement shows in search well within a second.
/// A rebuild runs on the same worker, so a change announced meanwhile is applied after it.
/// </summary>
public sealed class SearchIndexer(ArticleIndex index, IServiceScopeFactory scopes, ILogger<SearchIndexer> log)
    : BackgroundService, IArticleObserver
{
    private const int BatchSize = 500;

    private readonly Channel<Work> queue = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Every node keeps its own Lucene index, so each must follow changes made anywhere.</summary>
    public bool FollowsEveryNode => true;

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
        while (!TryOpen()) await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
        if (index.NeedsRebuild) await RebuildSafelyAsync(null, stoppingToken);

        var ids = new HashSet<int>();
        while (await queue.Reader.WaitToReadAsync(stoppingToken))
        {
            ids.Clear();
            while (ids.Count < BatchSize && queue.Reader.TryRead(out var work))
            {
                if (work.ArticleId is { } id) { ids.Add(id); continue; }
                await FollowAsync(ids, stoppingToken);
                ids.Clear();
                await RebuildSafelyAsync(work.Rebuilt, stoppingToken);
            }
            await FollowAsync(ids, stoppingToken);
        }
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
    }

    private async Task FollowAsync(HashSet<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
            var found = await ArticleSource.ByIdsAsync(db, ids, ct);
            foreach (var article in found) index.Put(article);
            foreach (var gone in ids.Except(found.Select(a => a.Id))) index.Remove(gone);
            index.Publish();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Search index failed to follow articles {Ids}", string.Join(",", ids));
        }
    }

    private async Task RebuildSafelyAsync(TaskCompletionSource? done, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
            await RebuildAsync(index, db, progress: null, ct);
            done?.TrySetResult();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Search index rebuild failed");
            done?.TrySetException(e);
        }
    }

    /// <summary>
    /// An empty index (missing, corrupt) fills up in view of searches, a batch at a time; a
    /// rebuild over a working index swaps in all at once at the end, so nobody sees it half-built.
    /// </summary>
    public static async Task<RebuildReport> RebuildAsync(ArticleIndex index, BroadsheetDb db, Action<int, int>? progress, CancellationToken ct)
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
            foreach (var article in batch) index.Put(article);
            count += batch.Count;
            // Opening a near-real-time reader flushes a segment: every couple of seconds is enough for a search to see progress.
            if (fresh && lastShown.Elapsed > TimeSpan.FromSeconds(2))
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
