using System.Text.Json;
using Broadsheet.Features.Site;

namespace Broadsheet.Features.Articles;

/// <summary>schema.org NewsArticle for search engines' news carousels.</summary>
public static class NewsArticleJsonLd
{
    public static string For(Article article, IEnumerable<Author> byline, IEnumerable<Rubric> rubrics, IEnumerable<Tag> tags, SiteContext site, string origin)
    {
        var url = origin + ArticleUrl.For(site, article.PublishedAt!.Value, article.Slug);
        var data = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["mainEntityOfPage"] = url,
            ["headline"] = article.Title.Length > 110 ? article.Title[..110] : article.Title,
            ["description"] = article.Lead,
            ["datePublished"] = Rfc3339(article.PublishedAt!.Value),
            ["dateModified"] = Rfc3339(article.UpdatedAt ?? article.PublishedAt!.Value),
            ["inLanguage"] = article.Language,
            ["articleSection"] = rubrics.Select(r => r.Name).ToArray(),
            ["keywords"] = string.Join(", ", tags.Select(t => t.Name)),
            ["author"] = byline.Select(a => new Dictionary<string, string>
            {
                ["@type"] = "Person", ["name"] = a.Name, ["url"] = $"{origin}/author/{a.Slug}",
            }).ToArray(),
            ["publisher"] = new Dictionary<string, string> { ["@type"] = "Organization", ["name"] = site.Settings.PublicationName },
        };
        if (article.CoverImage is { } cover) data["image"] = new[] { origin + cover };
        // Escaping "<" keeps a headline containing "</script>" from closing the block early.
        return JsonSerializer.Serialize(data, Options);
    }

    public static string Rfc3339(DateTime utc) => FeedTime.Rfc3339(utc);

    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default };
}
