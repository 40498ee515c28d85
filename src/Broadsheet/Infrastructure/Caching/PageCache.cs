using Microsoft.Extensions.Caching.Memory;
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

    /// <summary>What the data memos under the page cache may hold in memory, in all.</summary>
    public const long MemoBytes = 64L * 1024 * 1024;

    public static string ArticleTag(int id) => $"article-{id}";

    /// <summary>
    /// A page that shows an article's discussion carries this tag too: readers' comments evict it (coalesced,
    /// <see cref="CacheEviction.EvictCoalescedAsync"/>) without making the article's own data be read again.
    /// </summary>
    public static string DiscussionTag(int articleId) => $"comments-{articleId}";

    /// <summary>How long an article page (and the data behind it, <see cref="ArticleMemo"/>) may be reused.</summary>
    public static readonly TimeSpan ArticleLifetime = TimeSpan.FromSeconds(45);

    public static IServiceCollection AddPageCache(this IServiceCollection services, Redis.RedisLink redis, BroadsheetOptions options)
    {
        // Sizes are bytes: HybridCache sizes its entries by their serialised length, ArticleMemo estimates its own.
        services.AddMemoryCache(o => o.SizeLimit = MemoBytes);
        // HybridCache stamps its entries by the app's TimeProvider; the memory cache must read the same clock.
        services.AddOptions<MemoryCacheOptions>().Configure<TimeProvider>((o, clock) => o.Clock = new AppClock(clock));
        services.AddHybridCache();
        // HybridCache finds its shared layer as the distributed cache; pages stay in each node's own memory.
        if (redis.Connection is { } connection)
            services.AddStackExchangeRedisCache(o =>
            {
                o.ConnectionMultiplexerFactory = () => Task.FromResult(connection);
                o.InstanceName = "broadsheet:";
            });
        // Registered before AddOutputCache, whose in-memory store only fills the place if it is empty.
        if (redis.Connection is { } shared && options.PagesInRedis)
            services.AddStackExchangeRedisOutputCache(o =>
            {
                o.ConnectionMultiplexerFactory = () => Task.FromResult(shared);
                o.InstanceName = "broadsheet:pages:";
            });
        services.AddSingleton<EvictionLedger>();
        services.AddSingleton<NotKeptIfEvictedMeanwhile>();
        services.AddSingleton<ListingMemo>();
        services.AddSingleton<ArticleMemo>();
        services.AddSingleton<CacheEviction>();
        services.AddHostedService(sp => sp.GetRequiredService<CacheEviction>());
        services.AddOutputCache(o =>
        {
            o.SizeLimit = 256L * 1024 * 1024;
            var meanwhile = typeof(NotKeptIfEvictedMeanwhile);
            o.AddPolicy(Article, b => b.Expire(ArticleLifetime).Tag(SiteTag).AddPolicy(meanwhile));
            o.AddPolicy(Listing, b => b.Expire(TimeSpan.FromSeconds(45)).SetVaryByQuery("before", "after").Tag(SiteTag, ListingsTag).AddPolicy(meanwhile));
            o.AddPolicy(Feed, b => b.Expire(TimeSpan.FromMinutes(5)).Tag(SiteTag, ListingsTag).AddPolicy(meanwhile));
        });
        return services;
    }


    private sealed class AppClock(TimeProvider clock) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => clock.GetUtcNow();
    }

    /// <summary>Adds a tag to the page being cached, for tags known only once the page has loaded its data.</summary>
    public static void TagCachedPage(this HttpContext context, string tag) =>
        context.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(tag);
}
