namespace Broadsheet.Features.Articles;

/// <summary>What a listing shows of an article.</summary>
public sealed record Teaser(
    int Id, string Slug, string Title, string Lead, DateTime PublishedAt,
    string? CoverImage, string? RubricName, string? RubricSlug, bool IsOpinion,
    string? AuthorName, string? AuthorPhoto, long ViewCount)
{
    public const int LeadLength = 180;

    /// <summary>The lead cut at a word boundary, with an ellipsis when anything was cut.</summary>
    public static string Shorten(string text, int max = LeadLength)
    {
        text = text.Trim();
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', max);
        if (cut < max / 2) cut = max;
        return text[..cut].TrimEnd(',', ';', ':', '.', ' ', '—', '-') + "…";
    }

    public string ShortLead => Shorten(Lead);
}
