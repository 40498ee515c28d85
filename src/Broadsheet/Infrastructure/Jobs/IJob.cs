namespace Broadsheet.Infrastructure.Jobs;

/// <summary>
/// Work the app does by itself on a schedule. A job says what one pass does, when the next is due and
/// whether one node of several runs it; <see cref="JobHost"/> does the rest (timing, the lease, metrics,
/// logging, shutdown). Register it with <see cref="JobsSetup.AddJob{T}"/>.
/// </summary>
public interface IJob
{
    /// <summary>The job's name in metrics (the job tag), logs and the JobLeases table; keep it once deployed.</summary>
    string Name { get; }

    JobSchedule Schedule { get; }

    /// <summary>True when, with several nodes, only the holder of the job's lease runs it and the others stand by.</summary>
    bool OnOneNode { get; }

    /// <summary>One pass. An exception is a failed pass: counted, logged once per episode, tried again on the schedule.</summary>
    Task RunAsync(CancellationToken ct);

    /// <summary>The last word on shutdown, after the final pass ended, on every node, lease or not (the view flusher writes what is left).</summary>
    Task StoppedAsync(CancellationToken ct) => Task.CompletedTask;
}
