using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Microsoft.AspNetCore.Mvc;

namespace Broadsheet.Features.Live;

/// <summary>
/// The entries under a live article's summary. The article page asks for it by name, so Articles does not depend
/// on Live; it is part of the cached page, which every change to an entry evicts. It also replaces the page's
/// NewsArticle data with LiveBlogPosting (the layout writes the head after the body has been rendered).
/// </summary>
public sealed class LiveCoverageViewComponent(LiveDesk desk, SiteContext site, PageMeta meta, PublicOrigin origin, LiveOptions options) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Article article)
    {
        var entries = await desk.EntriesAsync(article.Id, HttpContext.RequestAborted);
        var pageUrl = origin.ForPages + ArticleUrl.For(site, article.PublishedAt!.Value, article.Slug);
        meta.StructuredData = LiveBlogJsonLd.For(article, entries, site, origin.ForPages);
        // The per-article feed (Features/Feeds/LiveFeed), offered in the head for feed readers that look there.
        meta.FeedPath = FeedPath(article.Id);
        meta.FeedTitle = article.Title;
        var html = new LiveEntryHtml(site, pageUrl);
        return View("/Features/Live/_LiveCoverage.cshtml", new LiveCoverage(article, entries, html, LiveText.For(site),
            await desk.LatestChangeAsync(article.Id, HttpContext.RequestAborted), options));
    }

    /// <summary>Where Feeds serves this article's entries (Live may not import Feeds, which reads the entries).</summary>
    public static string FeedPath(int articleId) => $"/feed/live/{articleId}";
}

/// <param name="Change">The article's highest change number (deletions too) when the page was made: where its stream starts.</param>
public sealed record LiveCoverage(Article Article, List<LiveEntry> Entries, LiveEntryHtml Html, LiveText Text, long Change, LiveOptions Options)
{
    public string FeedPath => LiveCoverageViewComponent.FeedPath(Article.Id);
}
