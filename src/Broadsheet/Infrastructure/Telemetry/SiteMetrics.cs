using System.Diagnostics.Metrics;

namespace Broadsheet.Infrastructure.Telemetry;

/// <summary>
/// What an operator watches on an election night beyond request rate and latency (which ASP.NET
/// Core measures itself): how much the page cache is carrying, whether views reach the database,
/// whether background jobs run, and whether the database takes writes.
/// </summary>
public sealed class SiteMetrics : IDisposable
{
    public const string MeterName = "Broadsheet";

    private readonly Meter meter = new(MeterName);
    private readonly Counter<long> pages;
    private readonly Counter<long> viewsWritten;
    private readonly Histogram<double> flushDuration;
    private readonly Counter<long> jobRuns;
    private readonly Counter<long> jobFailures;
    private readonly Histogram<double> jobDuration;
    private readonly Counter<long> writesFailed;
    private long lastFlushTicks = DateTime.UtcNow.Ticks;
    private int writesFailing;
    private readonly Counter<long> searchIndexFailures;
    private int searchIndexBehind;

    public SiteMetrics()
    {
        pages = meter.CreateCounter<long>("broadsheet.pages", "{page}", "Reader pages served, by whether the page cache answered (cache=hit|miss).");
        viewsWritten = meter.CreateCounter<long>("broadsheet.views.written", "{view}", "Views written to the database by the counter's flushes.");
        flushDuration = meter.CreateHistogram<double>("broadsheet.views.flush.duration", "s", "How long one flush of the view counter took.");
        meter.CreateObservableGauge("broadsheet.views.flush.lag", () => (DateTime.UtcNow - new DateTime(Interlocked.Read(ref lastFlushTicks), DateTimeKind.Utc)).TotalSeconds,
            "s", "Time since the view counter last wrote (or found nothing to write); a growing lag means views are waiting.");
        writesFailed = meter.CreateCounter<long>("broadsheet.writes.failed", "{operation}",
            "Database operations that failed for the storage (disk full, I/O error, read-only, busy, unreachable).");
        meter.CreateObservableGauge("broadsheet.writes.failing", () => Volatile.Read(ref writesFailing), "{outage}",
            "1 while writes are failing (from the first storage failure to the next commit), else 0; /readyz answers 503 meanwhile.");
        jobRuns = meter.CreateCounter<long>("broadsheet.jobs.runs", "{run}", "Background job passes on this node, by job and outcome (done|standby|failed).");
        jobFailures = meter.CreateCounter<long>("broadsheet.jobs.failures", "{run}", "Background job passes on this node that failed, by job; they are tried again on the job's schedule.");
        jobDuration = meter.CreateHistogram<double>("broadsheet.jobs.duration", "s", "How long one pass of a background job took on this node (done or failed, not standby), by job.");
        searchIndexFailures = meter.CreateCounter<long>("broadsheet.search.index.failures", "{write}", "Writes to this node's search index that failed (a full disk) and will be tried again.");
        meter.CreateObservableGauge("broadsheet.search.index.stale", () => Volatile.Read(ref searchIndexBehind),
            "{index}", "1 while this node's search index is behind the database and catching up, else 0.");
    }

    public void PageServed(bool fromCache) => pages.Add(1, new KeyValuePair<string, object?>("cache", fromCache ? "hit" : "miss"));

    public void ViewsFlushed(long views, TimeSpan took)
    {
        Interlocked.Exchange(ref lastFlushTicks, DateTime.UtcNow.Ticks);
        if (views == 0) return;
        viewsWritten.Add(views);
        flushDuration.Record(took.TotalSeconds);
    }

    public void JobRan(string job, string outcome, TimeSpan? took = null)
    {
        var tag = new KeyValuePair<string, object?>("job", job);
        jobRuns.Add(1, tag, new KeyValuePair<string, object?>("outcome", outcome));
        if (outcome == "failed") jobFailures.Add(1, tag);
        if (took is { } t) jobDuration.Record(t.TotalSeconds, tag);
    }

    public void WriteFailed() => writesFailed.Add(1);

    public void WritesFailing(bool failing) => Volatile.Write(ref writesFailing, failing ? 1 : 0);

    public void SearchIndexFailed() => searchIndexFailures.Add(1);

    public void SearchIndexStale(bool stale) => Volatile.Write(ref searchIndexBehind, stale ? 1 : 0);

    public void Dispose() => meter.Dispose();
}
