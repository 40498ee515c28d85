namespace Broadsheet.Infrastructure.Jobs;

/// <summary>
/// When a job's next pass is due. Every job's first pass is at start (catching up on what came due
/// while the app was down); then either a pass every interval, or a pass when the clock reaches the time
/// the job works out (a wall-clock time such as the daily newsletter's hour in the site's zone).
/// </summary>
public sealed class JobSchedule
{
    // How long a wait for a due time sleeps before it looks at the clock again. The clock can be set
    // (a test's movable clock, a host waking from suspend) and the site's zone can change, so the host
    // asks again every second rather than sleeping once until the time it worked out.
    private static readonly TimeSpan Nap = TimeSpan.FromSeconds(1);

    private readonly TimeSpan interval;
    private readonly Func<DateTimeOffset, CancellationToken, ValueTask<DateTimeOffset>>? nextDue;

    private JobSchedule(TimeSpan interval, Func<DateTimeOffset, CancellationToken, ValueTask<DateTimeOffset>>? nextDue)
    {
        this.interval = interval;
        this.nextDue = nextDue;
    }

    /// <summary>The job is there to be called (tests drive it by hand), but the host never runs it.</summary>
    public static JobSchedule Off { get; } = new(TimeSpan.Zero, null);

    public bool IsOff => interval <= TimeSpan.Zero;

    /// <summary>A pass every <paramref name="interval"/> (elapsed time on the TimeProvider's timer), counted from the start of the last one.</summary>
    public static JobSchedule Every(TimeSpan interval) =>
        interval > TimeSpan.Zero ? new(interval, null) : throw new ArgumentOutOfRangeException(nameof(interval), "A job's interval must be positive; use JobSchedule.Off.");

    /// <summary>
    /// A pass once the clock reaches <paramref name="nextDue"/>(start of the last pass); after a failed pass, or when
    /// the time cannot be worked out, another try after <paramref name="retry"/>.
    /// </summary>
    public static JobSchedule At(Func<DateTimeOffset, CancellationToken, ValueTask<DateTimeOffset>> nextDue, TimeSpan retry) =>
        retry > TimeSpan.Zero ? new(retry, nextDue) : throw new ArgumentOutOfRangeException(nameof(retry), "A job's retry wait must be positive.");

    /// <summary>Waits until the next pass is due. <paramref name="startedAt"/> and <paramref name="started"/> are the last pass's start on the clock.</summary>
    internal async Task WaitAsync(TimeProvider clock, DateTimeOffset startedAt, long started, bool failed, Action<Exception> cannotTell, CancellationToken ct)
    {
        if (nextDue is null || failed)
        {
            var rest = nextDue is null ? interval - clock.GetElapsedTime(started) : interval;
            if (rest > TimeSpan.Zero) await Task.Delay(rest, clock, ct);
            return;
        }
        while (true)
        {
            DateTimeOffset due;
            try { due = await nextDue(startedAt, ct); }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                cannotTell(e);
                await Task.Delay(interval, clock, ct);
                return;
            }
            var wait = due - clock.GetUtcNow();
            if (wait <= TimeSpan.Zero) return;
            await Task.Delay(wait < Nap ? wait : Nap, clock, ct);
        }
    }
}
