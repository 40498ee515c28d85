using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace Broadsheet.Infrastructure.Caching;

/// <summary>
/// Keeps what an article's page loads, by slug, for as long as the page cache keeps the page, so a
/// page rendered again (the output cache off, a reader's query string, a page evicted by a listing's
/// change) does not run its queries again. It is forgotten with the article's page-cache tag on every
/// node, and all together with the listings (a publication changes "related"; a renamed author, bylines).
/// The discussion is kept apart (<see cref="GetOrLoadDiscussionAsync"/>): a comment forgets it alone, so the page
/// rendered again after a comment reads the thread and nothing else.
/// Only found articles are kept: a scheduled one must appear at its time, not a memo's lifetime later.
/// </summary>
public sealed class ArticleMemo(IMemoryCache cache, BroadsheetOptions options)
{
    /// <summary>One change token per page-cache tag (<c>article-{id}</c>, <c>comments-{id}</c>) with something kept under it.</summary>
    private readonly ConcurrentDictionary<string, CancellationTokenSource> changes = new();
    private long forgotten;
    private long generation;

    /// <param name="bytesOf">a rough size of what was loaded: the memory cache is bounded in bytes.</param>
    public Task<T?> GetOrLoadAsync<T>(string slug, Func<Task<T?>> load, Func<T, int> articleIdOf, Func<T, long> bytesOf) where T : class =>
        GetOrLoadAsync(epoch => $"article-page:{epoch}:{slug}", load, loaded => [PageCache.ArticleTag(articleIdOf(loaded))], bytesOf);

    /// <summary>An article's discussion: forgotten with the article's tag, and on its own with <see cref="PageCache.DiscussionTag"/>.</summary>
    public Task<T?> GetOrLoadDiscussionAsync<T>(int articleId, Func<Task<T?>> load, Func<T, long> bytesOf) where T : class =>
        GetOrLoadAsync(epoch => $"article-discussion:{epoch}:{articleId}", load, _ => [PageCache.ArticleTag(articleId), PageCache.DiscussionTag(articleId)], bytesOf);

    private async Task<T?> GetOrLoadAsync<T>(Func<long, string> nameOf, Func<Task<T?>> load, Func<T, string[]> tagsOf, Func<T, long> bytesOf) where T : class
    {
        if (!options.Memos) return await load();
        var name = nameOf(Interlocked.Read(ref generation));
        if (cache.TryGetValue(name, out T? kept)) return kept;

        var before = Interlocked.Read(ref forgotten);
        var loaded = await load();
        // An article changed while this one loaded may be this one: keep nothing rather than the old text.
        if (loaded is null || Interlocked.Read(ref forgotten) != before) return loaded;

        using var entry = cache.CreateEntry(name);
        entry.Value = loaded;
        entry.Size = bytesOf(loaded);
        entry.AbsoluteExpirationRelativeToNow = PageCache.ArticleLifetime;
        foreach (var tag in tagsOf(loaded))
            entry.AddExpirationToken(new CancellationChangeToken(changes.GetOrAdd(tag, _ => new CancellationTokenSource()).Token));
        return loaded;
    }

    /// <summary>A publication may change any article's related list; a renamed author, any byline.</summary>
    public void ForgetAll()
    {
        Interlocked.Increment(ref forgotten);
        Interlocked.Increment(ref generation);
    }

    /// <summary>Forgets what is kept under a page-cache tag: an article's (<c>article-{id}</c>: everything) or its discussion's.</summary>
    public void Forget(string tag)
    {
        Interlocked.Increment(ref forgotten);
        if (changes.TryRemove(tag, out var change))
        {
            change.Cancel();
            change.Dispose();
        }
    }
}
