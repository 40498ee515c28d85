using Broadsheet.Infrastructure.Caching;

namespace Broadsheet.Features.Feeds;

public static class FeedsEndpoints
{
    /// <summary>Feeds, sitemaps and robots.txt; all cached under the "feed" policy and evicted with the listings.</summary>
    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("").CacheOutput(PageCache.Feed);
        foreach (var (suffix, format) in new[] { ("feed", FeedFormat.Rss), ("feed/atom", FeedFormat.Atom) })
        {
            feeds.MapGet($"/{suffix}", ([AsParameters] FeedRequest r) => Syndication.SiteAsync(r, format));
            feeds.MapGet($"/rubric/{{slug}}/{suffix}", ([AsParameters] FeedRequest r, string slug) => Syndication.RubricAsync(r, slug, format));
            feeds.MapGet($"/tag/{{slug}}/{suffix}", ([AsParameters] FeedRequest r, string slug) => Syndication.TagAsync(r, slug, format));
            feeds.MapGet($"/author/{{slug}}/{suffix}", ([AsParameters] FeedRequest r, string slug) => Syndication.AuthorAsync(r, slug, format));
        }
        feeds.MapGet("/sitemap.xml", static ([AsParameters] FeedRequest r) => Sitemaps.IndexAsync(r));
        feeds.MapGet("/sitemaps/articles-{page:int}.xml", static ([AsParameters] FeedRequest r, int page) => Sitemaps.ArticlesAsync(r, page));
        feeds.MapGet(Sitemaps.SectionsPath, static ([AsParameters] FeedRequest r) => Sitemaps.SectionsAsync(r));
        feeds.MapGet(NewsSitemap.Path, static ([AsParameters] FeedRequest r) => NewsSitemap.RenderAsync(r));
        feeds.MapGet("/robots.txt", static ([AsParameters] FeedRequest r) => RobotsTxt.Render(r));
        return app;
    }
}
