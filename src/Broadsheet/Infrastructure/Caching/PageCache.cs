using Microsoft.AspNetCore.OutputCaching;

namespace Broadsheet.Infrastructure.Caching;

/// <summary>
/// Reader pages are output-cached and tagged with what they show, so that a change in the
/// newsroom evicts exactly the pages it touches. A page's lifetime also bounds how stale its
/// view count may be (a minute, with the counter's own flush interval).
/// </summary>
public static class PageCache
{
    public const string Article = "article";
    public const string Listing = "listing";
    public const string Feed = "feed";

    /// <summary>Every reader page carries this tag; site settings and language changes evict it.</summary>
    public const string SiteTag = "site";

    /// <summary>Listings, the home page, archives and feeds: anything that a publication changes.</summary>
    public const string ListingsTag = "listings";

    public static string ArticleTag(int id) => $"article-{id}";

    public static IServiceCollection AddPageCache(this IServiceCollection services)
    {
        services.AddMemoryCache(o => o.SizeLimit = 10_000);
        services.AddSingleton<ListingMemo>();
        services.AddSingleton<CacheEviction>();
        services.AddHostedService(sp => sp.GetRequiredService<CacheEviction>());
        services.AddOutputCache(o =>
        {
            o.SizeLimit = 256L * 1024 * 1024;
            o.AddPolicy(Article, b => b.Expire(TimeSpan.FromSeconds(45)).Tag(SiteTag));
            o.AddPolicy(Listing, b => b.Expire(TimeSpan.FromSeconds(45)).SetVaryByQuery("before", "after").Tag(SiteTag, ListingsTag));
            o.AddPolicy(Feed, b => b.Expire(TimeSpan.FromMinutes(5)).Tag(SiteTag, ListingsTag));
        });
        return services;
    }

    /// <summary>Called by whatever changes content; the tags name what changed.</summary>
    public static async Task EvictAsync(this IOutputCacheStore store, CancellationToken ct, params string[] tags)
    {
        foreach (var tag in tags) await store.EvictByTagAsync(tag, ct);
    }

    /// <summary>Adds a tag to the page being cached, for tags known only once the page has loaded its data.</summary>
    public static void TagCachedPage(this HttpContext context, string tag) =>
        context.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(tag);
}
