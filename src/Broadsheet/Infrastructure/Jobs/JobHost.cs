using Broadsheet.Infrastructure.Telemetry;

namespace Broadsheet.Infrastructure.Jobs;

/// <summary>
/// Runs every <see cref="IJob"/>: each in a lane of its own, so a slow newsletter never holds up the view
/// flusher. The host owns what every job needs the same way: timing on the injected clock, the cluster-wide
/// lease for jobs that run on one node (taken before each pass, renewed during a long one, let go on
/// shutdown), metrics by job, one warning when a job starts failing and one line when it works again
/// (a storage outage fails every pass; the log says so twice, not every few seconds), and shutdown:
/// the pass under way is cancelled and awaited, then each job has its last word.
/// </summary>
public sealed class JobHost(IEnumerable<IJob> jobs, JobLeases leases, SiteMetrics metrics, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<JobHost> log)
    : BackgroundService
{
    private readonly List<IJob> running = [.. jobs.Where(j => !j.Schedule.IsOff)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // First passes once the app has started: every other service (Redis subscriptions, the outbox) is up by then.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            try { await started.Task.WaitAsync(stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
        await Task.WhenAll(running.Select(job => RunLaneAsync(job, stoppingToken)));
    }

    private async Task RunLaneAsync(IJob job, CancellationToken stop)
    {
        var failing = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var startedAt = clock.GetUtcNow();
                var started = clock.GetTimestamp();
                var failed = !await PassAsync(job, failing, stop);
                failing = failed ? failing + 1 : 0;
                await job.Schedule.WaitAsync(clock, startedAt, started, failed,
                    e => log.LogDebug(e, "Could not work out when {Job} is next due; trying again soon", job.Name), stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>One pass, lease first when the job needs it. False when it failed; <paramref name="failing"/> counts the failures before it.</summary>
    private async Task<bool> PassAsync(IJob job, int failing, CancellationToken stop)
    {
        var started = clock.GetTimestamp();
        try
        {
            if (job.OnOneNode && !await leases.TryHoldAsync(job.Name, stop))
            {
                metrics.JobRan(job.Name, "standby");
            }
            else
            {
                await RunHoldingAsync(job, stop);
                metrics.JobRan(job.Name, "done", clock.GetElapsedTime(started));
            }
            if (failing > 0) log.LogInformation("Job {Job} works again after {Failures} failed passes", job.Name, failing);
            return true;
        }
        catch (Exception e) when (!stop.IsCancellationRequested)
        {
            metrics.JobRan(job.Name, "failed", clock.GetElapsedTime(started));
            if (failing == 0) log.LogWarning(e, "Job {Job} failed; it tries again on its schedule, and the log says when it works again", job.Name);
            else log.LogDebug(e, "Job {Job} failed again ({Failures} in a row)", job.Name, failing + 1);
            return false;
        }
    }

    /// <summary>Runs the pass; for a one-node job, renews the lease while the pass outlasts a third of its term.</summary>
    private async Task RunHoldingAsync(IJob job, CancellationToken stop)
    {
        var pass = job.RunAsync(stop);
        if (!job.OnOneNode) { await pass; return; }
        using (var renew = new PeriodicTimer(leases.Term / 3, clock))
        {
            while (!pass.IsCompleted)
            {
                var tick = renew.WaitForNextTickAsync(CancellationToken.None).AsTask();
                if (await Task.WhenAny(pass, tick) == pass) break;
                try
                {
                    if (!await leases.TryHoldAsync(job.Name, stop))
                        log.LogWarning("Job {Job} outlasted its lease and another node took it over; both may run a pass at once", job.Name);
                }
                catch (Exception e) when (!stop.IsCancellationRequested)
                {
                    log.LogDebug(e, "Could not renew the {Job} lease during a long pass", job.Name);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        await pass;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        try { await base.StopAsync(cancellationToken); }
        catch (OperationCanceledException) { log.LogWarning("Shutdown cut the background jobs' last passes short"); }
        foreach (var job in running)
        {
            try { await job.StoppedAsync(cancellationToken); }
            catch (Exception e)
            {
                log.LogWarning(e, "Job {Job} could not finish its work on shutdown", job.Name);
            }
            if (job.OnOneNode) await leases.ReleaseAsync(job.Name, cancellationToken);
        }
    }
}
