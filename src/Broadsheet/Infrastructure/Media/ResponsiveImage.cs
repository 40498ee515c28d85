using System.Text.RegularExpressions;

namespace Broadsheet.Infrastructure.Media;

/// <summary>
/// Uploads are saved as <c>{key}-{width}w.{ext}</c>, one file for each of <see cref="Widths"/> below
/// the original's width and one at the largest width kept; so the path of the largest alone names all
/// of them, and a teaser can write its <c>srcset</c> without asking the database.
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

    /// <summary>The srcset for an uploaded image's path, or null for any other picture (demo images, external paths).</summary>
    public static string? SrcSet(string? path)
    {
        if (path is null || !path.StartsWith("/media/uploads/", StringComparison.Ordinal)) return null;
        var match = Rendition().Match(path);
        if (!match.Success) return null;
        var stem = match.Groups["stem"].Value;
        var ext = match.Groups["ext"].Value;
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
