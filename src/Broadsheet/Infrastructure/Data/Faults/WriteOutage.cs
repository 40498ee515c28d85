using Broadsheet.Infrastructure.Telemetry;

namespace Broadsheet.Infrastructure.Data.Faults;

/// <summary>
/// Whether the database is refusing writes just now. An outage begins with the first write that
/// fails for a <see cref="StorageFault"/> and ends with the next write that commits (a reader's, a
/// background job's, or the health write probe's); each is logged once, however many requests
/// fail in between. While it lasts, /readyz answers 503 and failed writes answer 503 with Retry-After.
/// </summary>
public sealed class WriteOutage(SiteMetrics metrics, TimeProvider clock, ILogger<WriteOutage> log)
{
    /// <summary>What a refused writer is told to wait: long enough for an operator's alert to fire, short enough for a reader to retry by hand.</summary>
    public const int RetryAfterSeconds = 30;

    private readonly Lock gate = new();
    private Episode? current;

    public bool IsOn => Volatile.Read(ref current) is not null;

    /// <summary>The fault that began the outage under way, if one is.</summary>
    public StorageFault? Fault => Volatile.Read(ref current)?.Fault;

    public void Failed(StorageFault fault)
    {
        metrics.WriteFailed();
        lock (gate)
        {
            if (current is { } going) { going.Failures++; return; }
            Volatile.Write(ref current, new Episode(fault, clock.GetUtcNow()));
        }
        metrics.WritesFailing(true);
        log.LogError("Writes are failing: {Reason}. Reads go on; writes are answered 503 with Retry-After until one commits",
            fault.Reason);
    }

    public void Committed()
    {
        if (Volatile.Read(ref current) is null) return;
        Episode ended;
        lock (gate)
        {
            if (current is null) return;
            ended = current;
            Volatile.Write(ref current, null);
        }
        metrics.WritesFailing(false);
        log.LogWarning("Writes work again after {Seconds:N0} s; {Failures} failed meanwhile ({Reason})",
            (clock.GetUtcNow() - ended.Began).TotalSeconds, ended.Failures, ended.Fault.Reason);
    }

    private sealed class Episode(StorageFault fault, DateTimeOffset began)
    {
        public StorageFault Fault { get; } = fault;
        public DateTimeOffset Began { get; } = began;
        public int Failures { get; set; } = 1;
    }
}
