namespace Broadsheet.Infrastructure.Caching;

/// <summary>
/// A copy held outside the page cache and the memos (the site settings) that <see cref="CacheEviction"/>
/// forgets on every node when its tag is evicted. The interface lets the feature that owns the copy
/// sit above Caching instead of Caching reaching up into it.
/// </summary>
public interface ICachedCopy
{
    string Tag { get; }

    void Forget();
}
