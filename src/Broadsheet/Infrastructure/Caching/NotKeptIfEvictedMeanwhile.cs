using Microsoft.AspNetCore.OutputCaching;

namespace Broadsheet.Infrastructure.Caching;

/// <summary>
/// Part of every page-cache policy: a page during whose drawing one of its tags was evicted is served to the reader who
/// asked (it is what the site was when they asked) but not kept. Kept, it would outlive the eviction meant for it: a
/// front page drawn while a story was published stayed without the story for its whole lifetime (45 s).
/// </summary>
public sealed class NotKeptIfEvictedMeanwhile(EvictionLedger ledger) : IOutputCachePolicy
{
    private static readonly object Began = new();

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        context.HttpContext.Items[Began] = EvictionLedger.Mark();
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    // Called once the page is drawn, just before it is stored.
    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (context.HttpContext.Items[Began] is long began && ledger.EvictedSince(began, context.Tags)) context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}
