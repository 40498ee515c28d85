using System.Globalization;

namespace Broadsheet.Features.Site;

/// <summary>The two ways machines want a time written: RSS keeps RFC 822, Atom and sitemaps take RFC 3339.</summary>
public static class FeedTime
{
    /// <summary>The RFC 1123 profile of RFC 822 (four-digit year, GMT), which the RSS board recommends.</summary>
    public static string Rfc822(DateTime utc) => AsUtc(utc).ToString("r", CultureInfo.InvariantCulture);

    /// <summary>Also the W3C datetime of sitemaps and the xsd:dateTime of Google News.</summary>
    public static string Rfc3339(DateTime utc) => AsUtc(utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>When readers last saw the article change: the later of publication and a later edit.</summary>
    public static DateTime LastChange(DateTime publishedAt, DateTime? updatedAt) =>
        updatedAt is { } u && u > publishedAt ? u : publishedAt;

    private static DateTime AsUtc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc);
}
