using Broadsheet.Features.Newsroom.Media;
using Broadsheet.Infrastructure.Media;

namespace Broadsheet.Features.Newsroom.Articles;

/// <summary>
/// A media library picture as the editor's picker offers it: a small rendition to choose by, and the
/// figure Markdown the body gets, carrying the library's caption and credit.
/// </summary>
public sealed record LibraryPicture(int Id, string Path, string Thumbnail, string Caption, string Credit, string Alt, int Width, int Height, string CaptionLine, string Figure)
{
    public static LibraryPicture From(MediaItem m)
    {
        var alt = AltOf(m);
        var line = CaptionLineOf(m.Caption, m.Credit);
        return new(m.Id, m.Path, ThumbnailOf(m.Path), m.Caption, m.Credit, alt, m.Width, m.Height, line, $"^^^\n![{Escape(alt)}]({m.Path})\n^^^ {line}".TrimEnd() + "\n");
    }

    /// <summary>
    /// The one place the picture's text alternative is chosen, for body figures and the cover alike.
    /// The library's own alt text, or the caption for a picture that has none yet.
    /// </summary>
    public static string AltOf(MediaItem m) => m.AltText.Length > 0 ? m.AltText : m.Caption;

    /// <summary>
    /// The line under a figure or cover: the caption, then who took it. The body's figure is Markdig's
    /// figure syntax (<c>^^^</c>, the picture, <c>^^^ caption</c>), which the site already renders.
    /// </summary>
    public static string CaptionLineOf(string caption, string credit) => (OneLine(caption), OneLine(credit)) switch
    {
        ({ Length: > 0 } c, { Length: > 0 } by) => $"{c} — {by}",
        ({ Length: > 0 } c, _) => c,
        (_, var by) => by,
    };

    /// <summary>The smallest rendition, so a picker of forty pictures loads a few hundred kilobytes, not forty full images.</summary>
    public static string ThumbnailOf(string path) =>
        ResponsiveImage.SrcSet(path) is { } set ? set.Split(", ")[0].Split(' ')[0] : path;

    private static string Escape(string alt) => OneLine(alt).Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);

    private static string OneLine(string s) => string.Join(' ', s.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
