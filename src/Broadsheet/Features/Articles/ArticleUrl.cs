using Broadsheet.Features.Site;

namespace Broadsheet.Features.Articles;

/// <summary>/{yyyy}/{MM}/{dd}/{slug}, dated in the site's time zone: the date readers saw on it.</summary>
public static class ArticleUrl
{
    public static string For(SiteContext site, DateTime publishedAtUtc, string slug)
    {
        var d = site.LocalDate(publishedAtUtc);
        return $"/{d.Year:D4}/{d.Month:D2}/{d.Day:D2}/{slug}";
    }

    public static string For(SiteContext site, Teaser t) => For(site, t.PublishedAt, t.Slug);
}
