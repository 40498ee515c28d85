using System.Text.Json;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;

namespace Broadsheet.Features.Live;

/// <summary>schema.org LiveBlogPosting: what lets a search engine mark the page "LIVE" while coverage runs.</summary>
public static class LiveBlogJsonLd
{
    /// <summary>The newest entries only: search engines read a few dozen, and the page's head should stay small.</summary>
    private const int Updates = 30;

    public static string For(Article article, IReadOnlyList<LiveEntry> newestFirst, SiteContext site, string origin)
    {
        var pageUrl = origin + ArticleUrl.For(site, article.PublishedAt!.Value, article.Slug);
        var data = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "LiveBlogPosting",
            ["@id"] = pageUrl,
            ["mainEntityOfPage"] = pageUrl,
            ["headline"] = article.Title.Length > 110 ? article.Title[..110] : article.Title,
            ["description"] = article.Lead,
            ["inLanguage"] = article.Language,
            ["datePublished"] = FeedTime.Rfc3339(article.PublishedAt!.Value),
            ["dateModified"] = FeedTime.Rfc3339(newestFirst.Count > 0 ? Latest(newestFirst) : article.UpdatedAt ?? article.PublishedAt!.Value),
            ["coverageStartTime"] = FeedTime.Rfc3339(article.PublishedAt!.Value),
            ["publisher"] = new Dictionary<string, string> { ["@type"] = "Organization", ["name"] = site.Settings.PublicationName },
            ["liveBlogUpdate"] = newestFirst.Take(Updates).Select(e => new Dictionary<string, object?>
            {
                ["@type"] = "BlogPosting",
                ["headline"] = LiveEntryHtml.KeyEventTitle(e),
                ["url"] = $"{pageUrl}#{LiveEntryHtml.Anchor(e.Id)}",
                ["datePublished"] = FeedTime.Rfc3339(e.PostedAt),
                ["dateModified"] = FeedTime.Rfc3339(e.EditedAt ?? e.PostedAt),
                ["author"] = e.AuthorName.Length > 0 ? new Dictionary<string, string> { ["@type"] = "Person", ["name"] = e.AuthorName } : null,
            }).ToArray(),
        };
        if (article.Live == LiveState.Closed) data["coverageEndTime"] = data["dateModified"];
        if (article.CoverImage is { } cover) data["image"] = new[] { origin + cover };
        return JsonSerializer.Serialize(data, Options);
    }

    private static DateTime Latest(IEnumerable<LiveEntry> entries) => entries.Max(e => e.EditedAt is { } edited && edited > e.PostedAt ? edited : e.PostedAt);

    // Escaping "<" keeps an entry containing "</script>" from closing the block early.
    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default };
}
