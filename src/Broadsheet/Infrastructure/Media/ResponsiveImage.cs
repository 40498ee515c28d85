using System.Text.RegularExpressions;

namespace Broadsheet.Infrastructure.Media;

/// <summary>
/// Uploads are saved as <c>{key}-{width}w.{ext}</c>, one file for each of <see cref="Widths"/> below
/// the original's width and one at the largest width kept, each with a WebP twin <c>{key}-{width}w.webp</c>
/// (uploads from before the twins have none); so the path of the largest alone names all of them, and a
/// teaser can write its <c>srcset</c> without asking the database. The demo's pictures follow the same scheme.
/// </summary>
public static partial class ResponsiveImage
{
    public static readonly int[] Widths = [480, 960, 1600];

    public static string FileName(string key, int width, string extension) => $"{key}-{width}w.{extension}";

    /// <summary>The widths an original of <paramref name="originalWidth"/> pixels is kept at, smallest first.</summary>
    public static List<int> WidthsFor(int originalWidth)
    {
        var widths = Widths.Where(w => w < originalWidth).ToList();
        var largest = Math.Min(originalWidth, Widths[^1]);
        if (!widths.Contains(largest)) widths.Add(largest);
        return widths;
    }

    /// <summary>The srcset for an uploaded (or demo) image's path, or null for any other picture (external paths, older demo images).</summary>
    public static string? SrcSet(string? path) => Set(path, null);

    /// <summary>
    /// The same srcset over the WebP twins, or null where the path names none; whether the files exist is
    /// for the caller to check (<see cref="PictureElement"/>).
    /// </summary>
    public static string? WebPSrcSet(string? path) => Set(path, "webp");

    /// <summary>The same srcset over the AVIF twins <see cref="AvifTwins"/> writes after the upload, or null where the path names none.</summary>
    public static string? AvifSrcSet(string? path) => Set(path, AvifTwins.Extension);

    /// <summary>The part every rendition's path starts with (<c>/media/uploads/2026/12/3fa2…</c>), to find where a picture is used.</summary>
    public static string? Stem(string? path) => Rendition().Match(path ?? "") is { Success: true } m ? m.Groups["stem"].Value + "-" : null;

    private static string? Set(string? path, string? extension)
    {
        if (path is null || path.Contains("..", StringComparison.Ordinal) || !(path.StartsWith("/media/uploads/", StringComparison.Ordinal) || path.StartsWith("/media/demo/", StringComparison.Ordinal))) return null;
        var match = Rendition().Match(path);
        if (!match.Success) return null;
        var stem = match.Groups["stem"].Value;
        var ext = extension ?? match.Groups["ext"].Value;
        if (extension is not null && match.Groups["ext"].Value == extension) return null;
        var widths = WidthsFor(int.Parse(match.Groups["w"].Value, System.Globalization.CultureInfo.InvariantCulture));
        return string.Join(", ", widths.Select(w => $"{stem}-{w}w.{ext} {w}w"));
    }

    /// <summary>The largest rendition of an uploaded image no wider than <paramref name="width"/>; any other picture as it is.</summary>
    public static string AtMost(string path, int width)
    {
        var match = Rendition().Match(path);
        if (!path.StartsWith("/media/uploads/", StringComparison.Ordinal) || !match.Success) return path;
        var widths = WidthsFor(int.Parse(match.Groups["w"].Value, System.Globalization.CultureInfo.InvariantCulture));
        var chosen = widths.LastOrDefault(w => w <= width, widths[0]);
        return $"{match.Groups["stem"].Value}-{chosen}w.{match.Groups["ext"].Value}";
    }

    [GeneratedRegex(@"^(?<stem>.+)-(?<w>\d{1,5})w\.(?<ext>jpg|png|webp|gif)$")]
    private static partial Regex Rendition();
}
