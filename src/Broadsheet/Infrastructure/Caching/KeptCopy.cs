namespace Broadsheet.Infrastructure.Caching;

/// <summary>
/// A small value every page needs (the site settings, the breaking strip), read once and kept for
/// <paramref name="maxAge"/> or until <see cref="Forget"/>. A reading still under way when the copy is forgotten
/// may carry the value from before the save: it answers the call that made it and is not served again, or
/// every page would show the old value until it aged out.
/// </summary>
public sealed class KeptCopy<T>(TimeProvider clock, TimeSpan maxAge)
{
    private volatile Kept? current;
    private int forgotten;

    private sealed record Kept(T Value, DateTimeOffset ReadAt, int Forgotten);

    public bool TryGet(out T value)
    {
        if (current is { } known && known.Forgotten == Volatile.Read(ref forgotten) && clock.GetUtcNow() - known.ReadAt < maxAge)
        {
            value = known.Value;
            return true;
        }
        value = default!;
        return false;
    }

    public async ValueTask<T> GetAsync(Func<CancellationToken, Task<T>> read, CancellationToken ct)
    {
        if (TryGet(out var kept)) return kept;
        var forgottenBefore = Volatile.Read(ref forgotten);
        var readAt = clock.GetUtcNow();
        var value = await read(ct);
        current = new Kept(value, readAt, forgottenBefore);
        return value;
    }

    public void Forget()
    {
        Interlocked.Increment(ref forgotten);
        current = null;
    }
}
