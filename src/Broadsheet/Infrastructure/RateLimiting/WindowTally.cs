using System.Collections.Concurrent;
using Broadsheet.Infrastructure.Redis;
using StackExchange.Redis;

namespace Broadsheet.Infrastructure.RateLimiting;

/// <summary>
/// The counters under <see cref="SharedWindow"/> for callers that need the number itself, not
/// just yes or no: "how many failed sign-ins for this account this hour" decides how long the
/// next one waits. The same Redis keys and script across nodes, in memory on one machine. Windows
/// follow the injected clock, so tests move past them instead of sleeping.
/// </summary>
public sealed class WindowTally(RedisLink redis, TimeProvider clock, ILogger<WindowTally> log)
{
    private readonly ConcurrentDictionary<string, Count> local = new();
    private long nextSweepMs;

    /// <summary>Adds <paramref name="count"/> to the current window of <paramref name="name"/>/<paramref name="partition"/>; 0 just reads it.</summary>
    public async Task<WindowCount> AddAsync(string name, string partition, TimeSpan window, int count = 1)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var closesIn = SharedWindow.ClosesIn(now, window);
        var key = SharedWindow.Key(name, partition);
        if (redis.Connection is { } connection)
        {
            try { return new(await SharedWindow.CountAsync(connection, key, now, window, count), closesIn); }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                // As SharedWindow does: without Redis nobody can count across nodes, so this node counts alone.
                log.LogWarning(e, "Redis did not answer; counting {Name} on this node only", name);
            }
        }
        var windowMs = (long)window.TotalMilliseconds;
        Sweep(now);
        var entry = local.GetOrAdd($"{key}:{now / windowMs}", _ => new Count(now - now % windowMs + windowMs));
        return new(Interlocked.Add(ref entry.Value, count), closesIn);
    }

    public Task<WindowCount> ReadAsync(string name, string partition, TimeSpan window) => AddAsync(name, partition, window, 0);

    /// <summary>Forgets closed windows now and then, so a flood of addresses does not grow the dictionary for ever.</summary>
    private void Sweep(long now)
    {
        var due = Interlocked.Read(ref nextSweepMs);
        if (now < due || Interlocked.CompareExchange(ref nextSweepMs, now + 60_000, due) != due) return;
        foreach (var (key, count) in local)
            if (count.EndsMs <= now) local.TryRemove(key, out _);
    }

    private sealed class Count(long endsMs)
    {
        public readonly long EndsMs = endsMs;
        public long Value;
    }
}

/// <summary>How many were counted in the current window, and how long until it closes.</summary>
public readonly record struct WindowCount(long Used, TimeSpan ClosesIn);
