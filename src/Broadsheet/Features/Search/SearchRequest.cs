using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Broadsheet.Features.Search;

/// <summary>
/// The search page's address read strictly: the words are anything at all (bad words never
/// fail), but a malformed page number, date or order is the reader's mistake, a 400.
/// </summary>
public sealed record SearchRequest(
    string Text, string? Rubric, string? Author, DateOnly? From, DateOnly? To, SearchOrder Order, int Page)
{
    public const int PageSize = 20;

    /// <summary>Nobody reads a thousand results; deeper pages cost more than they are worth.</summary>
    public const int MaxPages = 50;

    public static bool TryRead(IQueryCollection query, out SearchRequest request)
    {
        request = null!;
        string? One(string key) => query[key] is { Count: > 0 } v && !string.IsNullOrWhiteSpace(v[^1]) ? v[^1]!.Trim() : null;

        var page = 1;
        if (One("page") is { } p && (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page is < 1 or > MaxPages))
            return false;
        if (!TryDate(One("from"), out var from) || !TryDate(One("to"), out var to)) return false;
        var order = SearchOrder.Relevance;
        switch (One("sort"))
        {
            case null or "relevance": break;
            case "date": order = SearchOrder.Date; break;
            default: return false;
        }
        var rubric = One("rubric");
        var author = One("author");
        if (rubric is not null && !Articles.Slug.IsWellFormed(rubric)) return false;
        if (author is not null && !Articles.Slug.IsWellFormed(author)) return false;

        var text = query["q"] is { Count: > 0 } q ? q[^1] ?? "" : "";
        // The search reads no further than this, so the page need not echo the rest back.
        if (text.Length > SearchText.MaxLength) text = text[..SearchText.MaxLength];
        request = new SearchRequest(text, rubric, author, from, to, order, page);
        return true;
    }

    public SearchQuery ToQuery(Site.SiteContext site) => new()
    {
        Text = Text,
        RubricSlug = Rubric,
        AuthorSlug = Author,
        // The reader's days are the site's days: from the start of "from" to the end of "to", in the site's zone.
        FromUtc = From is { } f ? site.ToUtc(f.ToDateTime(TimeOnly.MinValue)) : null,
        ToUtc = To is { } t ? site.ToUtc(t.AddDays(1).ToDateTime(TimeOnly.MinValue)) : null,
        Order = Order,
        Skip = (Page - 1) * PageSize,
        Take = PageSize,
    };

    /// <summary>This search's address on another page.</summary>
    public string PageLink(int page)
    {
        var parts = new List<KeyValuePair<string, string?>> { new("q", Text) };
        if (Rubric is not null) parts.Add(new("rubric", Rubric));
        if (Author is not null) parts.Add(new("author", Author));
        if (From is { } f) parts.Add(new("from", f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        if (To is { } t) parts.Add(new("to", t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        if (Order == SearchOrder.Date) parts.Add(new("sort", "date"));
        if (page > 1) parts.Add(new("page", page.ToString(CultureInfo.InvariantCulture)));
        return "/search" + QueryString.Create(parts);
    }

    private static readonly DateOnly Earliest = new(1000, 1, 1);
    private static readonly DateOnly Latest = new(9998, 12, 31);

    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (text is null) return true;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return false;
        // Years no newspaper has; at the very ends of the calendar the day in the site's zone cannot even be turned into UTC.
        if (d < Earliest || d > Latest) return false;
        date = d;
        return true;
    }
}
