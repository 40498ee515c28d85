using Broadsheet.Infrastructure.Data;
using Broadsheet.Infrastructure.Media;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Media;

/// <summary>
/// An uploaded picture in the media library: its renditions on disk (one per width, metadata
/// stripped), and the caption, credit and alt text that go with it wherever it is used.
/// </summary>
public sealed partial class MediaItem
{
    public int Id { get; set; }

    /// <summary>The largest rendition's public path; the smaller ones are named after it (see <see cref="Infrastructure.Media.ResponsiveImage"/>).</summary>
    public required string Path { get; set; }
    public required string Format { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public long Bytes { get; set; }
    public string OriginalName { get; set; } = "";
    public string Caption { get; set; } = "";
    public string Credit { get; set; } = "";

    /// <summary>What the picture shows, for readers who cannot see it; unlike the caption, it does not repeat what the text says.</summary>
    public string AltText { get; set; } = "";
    public string UploadedBy { get; set; } = "";

    /// <summary>UTC.</summary>
    public DateTime UploadedAt { get; set; }

    /// <summary>
    /// The library's alt text for each picture an article names (body or cover), by every rendition's path,
    /// so a figure written with the 960-pixel one finds it too.
    /// </summary>
    public static async Task<Dictionary<string, string>> AltTextsAsync(BroadsheetDb db, string body, string? cover, CancellationToken ct)
    {
        var named = PicturesNamed(body, cover);
        var alts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (named.Count == 0) return alts;
        var items = new List<(string Path, string AltText)>();
        // One query a picture: an article has a handful, and a list of prefixes does not translate to SQL.
        foreach (var stem in named)
            items.AddRange((await db.Media.AsNoTracking().Where(m => m.Path.StartsWith(stem) && m.AltText != "")
                .Select(m => new { m.Path, m.AltText }).Take(1).ToListAsync(ct)).Select(m => (m.Path, m.AltText)));
        foreach (var item in items)
            foreach (var rendition in ResponsiveImage.SrcSet(item.Path)?.Split(", ").Select(s => s.Split(' ')[0]) ?? [item.Path])
            {
                alts[rendition] = item.AltText;
                alts[System.IO.Path.ChangeExtension(rendition, "webp")] = item.AltText;
            }
        return alts;
    }

    /// <summary>The library's pictures (their stems) an article names in its body or as its cover.</summary>
    public static List<string> PicturesNamed(string body, string? cover) =>
        UploadPath().Matches(body ?? "").Select(m => m.Value).Append(cover ?? "").Select(ResponsiveImage.Stem).OfType<string>().Distinct().ToList();

    [System.Text.RegularExpressions.GeneratedRegex(@"/media/uploads/[^\s)""'<>]+")]
    private static partial System.Text.RegularExpressions.Regex UploadPath();
}
