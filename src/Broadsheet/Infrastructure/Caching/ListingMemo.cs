using System.ComponentModel;
using Microsoft.Extensions.Caching.Hybrid;

namespace Broadsheet.Infrastructure.Caching;

/// <summary>
/// Keeps the results of queries that several pages repeat (the archive calendar, most read, the
/// rubric list) for a minute, in HybridCache: in this node's memory, and in Redis when several
/// nodes share it, so that one node's query serves them all. Each result carries the listings tag
/// and its kind: a publication forgets them all, the view counter's flush only "most read".
/// </summary>
public sealed class ListingMemo(HybridCache cache, BroadsheetOptions options)
{
    private static readonly HybridCacheEntryOptions Lifetime = new()
    {
        Expiration = TimeSpan.FromMinutes(1),
        LocalCacheExpiration = TimeSpan.FromMinutes(1),
    };

    public async Task<T> GetOrLoadAsync<T>(string kind, string key, Func<Task<T>> load)
    {
        if (!options.Memos) return await load();
        var kept = await cache.GetOrCreateAsync($"listing:{kind}:{key}", async _ => new Kept<T>(await load()),
            Lifetime, [kind, PageCache.ListingsTag]);
        return kept.Value;
    }

    /// <summary>Forgets every result of a kind, or with <see cref="PageCache.ListingsTag"/> all of them.</summary>
    public ValueTask ForgetAsync(string kindOrListings, CancellationToken ct = default) => cache.RemoveByTagAsync(kindOrListings, ct);

    /// <summary>
    /// Marked immutable so that HybridCache hands every page the same instance from memory instead of
    /// a fresh copy deserialised per request; nobody changes a kept result.
    /// </summary>
    [ImmutableObject(true)]
    public sealed record Kept<T>(T Value);
}
