using System.Globalization;

namespace Broadsheet.Features.Articles;

/// <summary>
/// A position in a newest-first listing: the publication time and id of an article.
/// Listings page by it instead of by offset, so the thousandth page costs what the first does.
/// </summary>
public readonly record struct Keyset(DateTime PublishedAt, int Id)
{
    public override string ToString() =>
        $"{PublishedAt.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture)}-{Id.ToString(CultureInfo.InvariantCulture)}";

    public static bool TryParse(string? text, out Keyset keyset)
    {
        keyset = default;
        if (string.IsNullOrEmpty(text) || text.Length > 40) return false;
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0) return false;
        if (!DateTime.TryParseExact(text[..dash], "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)) return false;
        if (!int.TryParse(text[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0) return false;
        keyset = new Keyset(DateTime.SpecifyKind(at, DateTimeKind.Utc), id);
        return true;
    }
}
