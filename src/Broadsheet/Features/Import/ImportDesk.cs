using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Broadsheet.Features.Search;
using Broadsheet.Infrastructure;
using Broadsheet.Infrastructure.Caching;
using Broadsheet.Infrastructure.Data;
using Broadsheet.Infrastructure.Data.Faults;
using Broadsheet.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Import;

/// <summary>
/// Runs the imports started from the newsroom, one at a time, on the job host, so a run outlives the request
/// that uploaded it. The files are in the data folder of the node that received them, so that node runs it
/// (every node has this job, and each runs only what it queued). While a run goes, its row is told the counts
/// about once a second; that is also the run's heartbeat: a run whose node went quiet for
/// <see cref="ImportRun.Silence"/> is over (a crash, a restart) and no longer holds the next one up.
/// </summary>
public sealed class ImportDesk(IServiceScopeFactory scopes, BroadsheetOptions options, WebNode node, TimeProvider clock, ILogger<ImportDesk> log) : IJob
{
    public const string Job = "import-runs";
    public const string ExportFile = "export.xml";
    public const string UploadsFile = "uploads.zip";

    private static readonly TimeSpan Beat = TimeSpan.FromSeconds(1);
    private readonly ConcurrentQueue<int> waiting = new();
    private bool cleared;

    public string Name => Job;
    // The pass only looks at this node's own queue in memory, so asking every second costs nothing.
    public JobSchedule Schedule => JobSchedule.Every(TimeSpan.FromSeconds(1));
    public bool OnOneNode => false;

    public string NodeId => node.Id;

    /// <summary>Where uploads wait for their run, in the data folder.</summary>
    public string Root => Path.Combine(options.DataPath, "imports");

    public string FolderOf(int runId) => Path.Combine(Root, runId.ToString(CultureInfo.InvariantCulture));

    /// <summary>A fresh folder for the files of a run not yet queued.</summary>
    public string NewIncomingFolder() => Directory.CreateDirectory(Path.Combine(Root, "incoming-" + Guid.NewGuid().ToString("N"))).FullName;

    /// <summary>The run under way, if any; one whose node went quiet is not.</summary>
    public Task<ImportRun?> UnderwayAsync(BroadsheetDb db, CancellationToken ct)
    {
        var quietSince = clock.GetUtcNow().UtcDateTime - ImportRun.Silence;
        return db.ImportRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Underway != null && r.HeartbeatAt >= quietSince, ct);
    }

    /// <summary>
    /// Adds the run (with whatever else the caller's unit of work holds: the audit line) and queues it with the
    /// files in <paramref name="incoming"/>. False, with nothing saved, when another run is under way.
    /// </summary>
    public async Task<bool> TryQueueAsync(BroadsheetDb db, ImportRun run, string incoming, CancellationToken ct)
    {
        await LetGoOfSilentRunsAsync(db, ct);
        if (await UnderwayAsync(db, ct) is not null) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        run.StartedAt = run.HeartbeatAt = now;
        run.Node = node.Id;
        run.State = ImportRunState.Queued;
        run.Underway = 1;
        db.ImportRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DuplicateKey.IsViolation(e))
        {
            // Another administrator's run was saved in the same moment.
            db.ChangeTracker.Clear();
            return false;
        }
        Directory.Move(incoming, FolderOf(run.Id));
        waiting.Enqueue(run.Id);
        return true;
    }

    public async Task RunAsync(CancellationToken ct)
    {
        if (!cleared)
        {
            ClearLeftovers();
            cleared = true;
        }
        while (waiting.TryDequeue(out var id)) await RunOneAsync(id, ct);
    }

    private Task<int> LetGoOfSilentRunsAsync(BroadsheetDb db, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var quietSince = now - ImportRun.Silence;
        return db.ImportRuns.Where(r => r.Underway != null && r.HeartbeatAt < quietSince).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.Underway, (int?)null)
            .SetProperty(r => r.State, ImportRunState.Interrupted)
            .SetProperty(r => r.FinishedAt, now), ct);
    }

    /// <summary>The files of runs this process never got to: a run of an earlier process has ended (or will be let go), and runs again from a new upload.</summary>
    private void ClearLeftovers()
    {
        if (!Directory.Exists(Root)) return;
        var ours = waiting.Select(id => FolderOf(id)).ToHashSet();
        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            var name = Path.GetFileName(folder);
            var stale = name.StartsWith("incoming-", StringComparison.Ordinal)
                ? Directory.GetLastWriteTimeUtc(folder) < DateTime.UtcNow.AddDays(-1) // an upload may be arriving right now
                : !ours.Contains(folder);
            if (stale) Remove(folder);
        }
    }

    private async Task RunOneAsync(int id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var run = await db.ImportRuns.FirstOrDefaultAsync(r => r.Id == id && r.Node == node.Id && r.State == ImportRunState.Queued, ct);
        if (run is null) return;
        run.State = ImportRunState.Running;
        run.HeartbeatAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);

        var folder = FolderOf(id);
        var tally = new Tally();
        var heart = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var beating = BeatAsync(id, tally, heart.Token);
        ImportReport? report = null;
        try
        {
            var zip = Path.Combine(folder, UploadsFile);
            using var uploads = File.Exists(zip) ? Uploads.Zip(zip) : null;
            await using var importScope = scopes.CreateAsyncScope();
            report = await importScope.ServiceProvider.GetRequiredService<WordPressImport>()
                .RunAsync(() => File.OpenRead(Path.Combine(folder, ExportFile)), uploads, run.DryRun, tally.Take, ct);
            if (!run.DryRun && !report.ChangedNothing) await AnnounceAsync(importScope.ServiceProvider, ct);
            run.State = ImportRunState.Finished;
        }
        catch (Exception e) when (e is WxrException or InvalidDataException)
        {
            // The file itself: not an export, or broken XML (the reader names the line), or a zip that is not one.
            run.State = ImportRunState.Failed;
            run.Error = e.Message;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            run.State = ImportRunState.Interrupted;
            throw;
        }
        catch (Exception e)
        {
            run.State = ImportRunState.Failed;
            run.Error = e.GetBaseException().Message;
            throw;
        }
        finally
        {
            await heart.CancelAsync();
            await beating;
            heart.Dispose();
            Remove(folder);
            await EndAsync(db, run, report, tally);
        }
    }

    /// <summary>Once for the whole import, as the command does: every cached page goes, and the search index is built again.</summary>
    private static async Task AnnounceAsync(IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<CacheEviction>().EvictAsync(ct, PageCache.SiteTag);
        // On PostgreSQL search follows the database by itself; on SQLite the running indexer, the index's one writer, rebuilds it.
        if (services.GetService<SearchIndexer>() is { } indexer) await indexer.RebuildAsync().WaitAsync(ct);
    }

    private async Task EndAsync(BroadsheetDb db, ImportRun run, ImportReport? report, Tally tally)
    {
        run.Underway = null;
        run.FinishedAt = run.HeartbeatAt = clock.GetUtcNow().UtcDateTime;
        run.Milliseconds = tally.Elapsed;
        if (report is not null)
        {
            run.Report = ImportRunReport.From(report).ToJson();
            tally.Take(report, 1);
        }
        tally.Latest?.CopyTo(run);
        if (run.Error is { Length: > 2000 } error) run.Error = error[..2000];
        // Written even when the app is stopping: the row must not say "running" for a run that ended.
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private async Task BeatAsync(int id, Tally tally, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        try
        {
            while (true)
            {
                await Task.Delay(Beat, clock, ct);
                var now = clock.GetUtcNow().UtcDateTime;
                var ms = tally.Elapsed;
                var counts = tally.Latest ?? Counts.None;
                try
                {
                    await db.ImportRuns.Where(r => r.Id == id).ExecuteUpdateAsync(u => u
                        .SetProperty(r => r.HeartbeatAt, now).SetProperty(r => r.Milliseconds, ms)
                        .SetProperty(r => r.Done, counts.Done).SetProperty(r => r.Permille, counts.Permille)
                        .SetProperty(r => r.Imported, counts.Imported).SetProperty(r => r.Updated, counts.Updated)
                        .SetProperty(r => r.Unchanged, counts.Unchanged).SetProperty(r => r.Skipped, counts.Skipped)
                        .SetProperty(r => r.Failed, counts.Failed).SetProperty(r => r.Warnings, counts.Warnings)
                        .SetProperty(r => r.Redirects, counts.Redirects), ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The import writes through the same storage and reports its own faults; progress simply shows later.
                    log.LogDebug(e, "Could not write the progress of import run {Run}", id);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Remove(string folder)
    {
        try { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
        catch (IOException e) { log.LogWarning(e, "Could not remove the import files in {Folder}", folder); }
    }

    /// <summary>The counts as the import last told them, taken on the import's own thread (its report is not safe to read from another).</summary>
    private sealed class Tally
    {
        private readonly Stopwatch watch = Stopwatch.StartNew();
        private long takenAt = -1;
        private volatile Counts? latest;

        public Counts? Latest => latest;
        public long Elapsed => watch.ElapsedMilliseconds;

        public void Take(ImportReport report, double share)
        {
            var now = watch.ElapsedMilliseconds;
            if (share < 1 && now - takenAt < 200) return;
            takenAt = now;
            latest = new Counts(report.Done, (int)Math.Clamp(share * 1000, 0, 1000), report.Imported.Values.Sum(), report.Updated.Values.Sum(),
                report.Unchanged.Values.Sum(), report.Skipped.Values.Sum(), report.Failures.Count, report.WarningCount, report.Redirects);
        }
    }

    private sealed record Counts(int Done, int Permille, int Imported, int Updated, int Unchanged, int Skipped, int Failed, int Warnings, int Redirects)
    {
        public static readonly Counts None = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

        public void CopyTo(ImportRun run)
        {
            (run.Done, run.Permille, run.Imported, run.Updated, run.Unchanged) = (Done, Permille, Imported, Updated, Unchanged);
            (run.Skipped, run.Failed, run.Warnings, run.Redirects) = (Skipped, Failed, Warnings, Redirects);
        }
    }
}
