using Broadsheet.Infrastructure.Caching;

namespace Broadsheet.Features.Feeds;

public static class FeedsEndpoints
{
    /// <summary>Link checkers and some feed readers ask with HEAD first; Razor pages answer it, so these do too.</summary>
    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>Feeds, sitemaps, robots.txt and the web manifest; all cached under the "feed" policy and evicted with the listings.</summary>
    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("").CacheOutput(PageCache.Feed);
        foreach (var (suffix, format) in new[] { ("feed", FeedFormat.Rss), ("feed/atom", FeedFormat.Atom) })
        {
            feeds.MapMethods($"/{suffix}", GetOrHead, ([AsParameters] FeedRequest r) => Syndication.SiteAsync(r, format));
            feeds.MapMethods($"/rubric/{{slug}}/{suffix}", GetOrHead, ([AsParameters] FeedRequest r, string slug) => Syndication.RubricAsync(r, slug, format));
            feeds.MapMethods($"/tag/{{slug}}/{suffix}", GetOrHead, ([AsParameters] FeedRequest r, string slug) => Syndication.TagAsync(r, slug, format));
            feeds.MapMethods($"/author/{{slug}}/{suffix}", GetOrHead, ([AsParameters] FeedRequest r, string slug) => Syndication.AuthorAsync(r, slug, format));
        }
        feeds.MapMethods("/feed/live/{articleId:int}", GetOrHead, ([AsParameters] FeedRequest r, int articleId) => LiveFeed.RenderAsync(r, articleId, FeedFormat.Rss));
        feeds.MapMethods("/feed/live/{articleId:int}/atom", GetOrHead, ([AsParameters] FeedRequest r, int articleId) => LiveFeed.RenderAsync(r, articleId, FeedFormat.Atom));
        feeds.MapMethods("/sitemap.xml", GetOrHead, static ([AsParameters] FeedRequest r, ListingMemo memo) => Sitemaps.IndexAsync(r, memo));
        feeds.MapMethods("/sitemaps/articles-{year:int}-{month:int}-{part:int}.xml", GetOrHead,
            static ([AsParameters] FeedRequest r, int year, int month, int part) => Sitemaps.ArticlesAsync(r, year, month, part));
        feeds.MapMethods(Sitemaps.SectionsPath, GetOrHead, static ([AsParameters] FeedRequest r) => Sitemaps.SectionsAsync(r));
        feeds.MapMethods(NewsSitemap.Path, GetOrHead, static ([AsParameters] FeedRequest r) => NewsSitemap.RenderAsync(r));
        feeds.MapMethods("/robots.txt", GetOrHead, static ([AsParameters] FeedRequest r) => RobotsTxt.Render(r));
        feeds.MapMethods(WebManifest.Path, GetOrHead, static ([AsParameters] FeedRequest r) => WebManifest.Render(r));
        return app;
    }
}
