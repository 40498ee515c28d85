using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace Broadsheet.Infrastructure.Caching;

/// <summary>
/// Keeps what an article's page loads, by slug, for as long as the page cache keeps the page, so a
/// page rendered again (the output cache off, a reader's query string, a page evicted by a listing's
/// change) does not run its queries again. It is forgotten with the article's page-cache tag on every
/// node, and all together with the listings (a publication changes "related"; a renamed author, bylines).
/// Only found articles are kept: a scheduled one must appear at its time, not a memo's lifetime later.
/// </summary>
public sealed class ArticleMemo(IMemoryCache cache, BroadsheetOptions options)
{
    private readonly ConcurrentDictionary<int, CancellationTokenSource> changes = new();
    private long forgotten;
    private long generation;

    /// <param name="bytesOf">a rough size of what was loaded: the memory cache is bounded in bytes.</param>
    public async Task<T?> GetOrLoadAsync<T>(string slug, Func<Task<T?>> load, Func<T, int> articleIdOf, Func<T, long> bytesOf) where T : class
    {
        if (!options.Memos) return await load();
        var name = $"article-page:{Interlocked.Read(ref generation)}:{slug}";
        if (cache.TryGetValue(name, out T? kept)) return kept;

        var before = Interlocked.Read(ref forgotten);
        var loaded = await load();
        // An article changed while this one loaded may be this one: keep nothing rather than the old text.
        if (loaded is null || Interlocked.Read(ref forgotten) != before) return loaded;

        var change = changes.GetOrAdd(articleIdOf(loaded), _ => new CancellationTokenSource());
        using var entry = cache.CreateEntry(name);
        entry.Value = loaded;
        entry.Size = bytesOf(loaded);
        entry.AbsoluteExpirationRelativeToNow = PageCache.ArticleLifetime;
        entry.AddExpirationToken(new CancellationChangeToken(change.Token));
        return loaded;
    }

    /// <summary>A publication may change any article's related list; a renamed author, any byline.</summary>
    public void ForgetAll()
    {
        Interlocked.Increment(ref forgotten);
        Interlocked.Increment(ref generation);
    }

    public void Forget(int articleId)
    {
        Interlocked.Increment(ref forgotten);
        if (changes.TryRemove(articleId, out var change))
        {
            change.Cancel();
            change.Dispose();
        }
    }
}
