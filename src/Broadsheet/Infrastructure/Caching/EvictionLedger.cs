using System.Collections.Concurrent;
using System.Diagnostics;

namespace Broadsheet.Infrastructure.Caching;

/// <summary>
/// When each page-cache tag was last evicted on this node, so that a page drawn while one of its tags was evicted is not
/// stored (<see cref="NotKeptIfEvictedMeanwhile"/>): it read the database before the change, and the eviction that was
/// to remove it came before it was stored. Times are the monotonic clock's; tags quiet for longer than any page takes
/// to draw are forgotten.
/// </summary>
public sealed class EvictionLedger
{
    private static readonly TimeSpan LongestDrawing = TimeSpan.FromMinutes(2);
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, long> lastEvicted = new();
    // Twice what the last pruning left: a storm of distinct recent tags is walked again only when it has doubled.
    private int pruneAt = PruneAbove;

    /// <summary>The moment a page begins to be drawn, to compare evictions with.</summary>
    public static long Mark() => Stopwatch.GetTimestamp();

    public void Evicted(string tag)
    {
        lastEvicted[tag] = Stopwatch.GetTimestamp();
        if (lastEvicted.Count <= Volatile.Read(ref pruneAt)) return;
        foreach (var (quiet, at) in lastEvicted)
            if (Stopwatch.GetElapsedTime(at) > LongestDrawing) lastEvicted.TryRemove(quiet, out _);
        Volatile.Write(ref pruneAt, Math.Max(PruneAbove, 2 * lastEvicted.Count));
    }

    /// <summary>Whether any of <paramref name="tags"/> was evicted at or after <paramref name="mark"/>.</summary>
    public bool EvictedSince(long mark, IEnumerable<string> tags)
    {
        foreach (var tag in tags)
            if (lastEvicted.TryGetValue(tag, out var at) && at >= mark) return true;
        return false;
    }
}
