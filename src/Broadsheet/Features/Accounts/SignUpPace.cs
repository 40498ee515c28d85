using System.Diagnostics;

namespace Broadsheet.Features.Accounts;

/// <summary>
/// A sign-up that creates an account writes two rows and commits twice; one with a taken address
/// writes nothing. On a busy disk that is a couple of hundred milliseconds, enough to tell who reads
/// here. So the time of each real creation's writes is kept (the last <see cref="Kept"/>), and a
/// sign-up with a taken address, after the same hashing and lookup, waits as long as one of them
/// picked at random: its answer times follow the same distribution as real ones, under the same
/// recent load. Before the first creation there is nothing to copy and it waits <see cref="Unmeasured"/>.
/// </summary>
public sealed class SignUpPace
{
    private const int Kept = 16;
    private static readonly TimeSpan Unmeasured = TimeSpan.FromMilliseconds(100);
    private readonly double[] recent = new double[Kept];
    private readonly Lock gate = new();
    private int count;
    private int next;

    public static long Start() => Stopwatch.GetTimestamp();

    public void Created(long started)
    {
        var took = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        lock (gate)
        {
            recent[next] = took;
            next = (next + 1) % Kept;
            count = Math.Min(Kept, count + 1);
        }
    }

    /// <summary>Takes as long as a recent creation's writes did, in place of writes a taken address does not make.</summary>
    public Task StandInAsync(CancellationToken ct)
    {
        TimeSpan wait;
        lock (gate) wait = count == 0 ? Unmeasured : TimeSpan.FromMilliseconds(recent[Random.Shared.Next(count)]);
        // Real time on purpose: this is about what a stopwatch outside sees, not about the site's clock.
        return Task.Delay(wait, ct);
    }
}
