using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;

namespace Broadsheet.Infrastructure.Caching;

/// <summary>
/// Keeps the results of queries that several pages repeat (the archive calendar, most read, the
/// rubric list) for a minute. Every eviction of the listings tag starts a new generation, so a
/// publication shows in them at once on every node, like it does in the page cache; a kind of
/// result can also be renewed alone (most read, after the view counter writes).
/// </summary>
public sealed class ListingMemo(IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private long generation;
    private readonly ConcurrentDictionary<string, long> kindGenerations = new();

    public Task<T> GetOrLoadAsync<T>(string kind, string key, Func<Task<T>> load)
    {
        var name = $"{kind}:{Interlocked.Read(ref generation)}:{kindGenerations.GetValueOrDefault(kind)}:{key}";
        return cache.GetOrCreateAsync(name, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            entry.Size = 1;
            return load();
        })!;
    }

    /// <summary>Changes whenever the listings or the whole site are evicted; memos keyed by it start afresh.</summary>
    public long Generation => Interlocked.Read(ref generation);

    public void StartNewGeneration() => Interlocked.Increment(ref generation);

    public void StartNewGeneration(string kind) => kindGenerations.AddOrUpdate(kind, 1, (_, g) => g + 1);
}
