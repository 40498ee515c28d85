namespace Broadsheet.Tests.Support;

/// <summary>A clock the test moves by hand; the app reads time only through TimeProvider.</summary>
public sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;
    private readonly Lock gate = new();

    public override DateTimeOffset GetUtcNow() { lock (gate) return now; }

    public void Advance(TimeSpan by) { lock (gate) now += by; }

    public void Set(DateTimeOffset to) { lock (gate) now = to; }
}
