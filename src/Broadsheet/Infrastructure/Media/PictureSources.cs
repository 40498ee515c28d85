using System.Collections.Concurrent;
using System.Text.Encodings.Web;

namespace Broadsheet.Infrastructure.Media;

/// <summary>
/// What <see cref="PictureElement"/> writes for a picture at a <c>sizes</c>: its <c>srcset</c> and the
/// <c>&lt;picture&gt;</c> with the sources whose twins are on disk, worked out once. A page drawn without the page
/// cache (a first render, a reader's query string, every page on a node whose memos were just emptied) showed each
/// picture by two file stats and a dozen strings: 9 % of an article page's CPU drawn from memos.
/// A picture still missing a twin is looked at again after <see cref="Recheck"/>: AVIF twins are written later, on
/// one node (<see cref="AvifTwins"/>), and this one may not be it.
/// </summary>
public sealed class PictureSources(BroadsheetOptions options, HtmlEncoder encoder, TimeProvider clock)
{
    public static readonly TimeSpan Recheck = TimeSpan.FromMinutes(1);

    /// <summary>Pictures a page shows are a few hundred at most; past this many kept, the lot is forgotten and worked out again.</summary>
    private const int MostKept = 20_000;

    private readonly ConcurrentDictionary<(string Path, string? Sizes), Markup> kept = new();

    /// <param name="SrcSet">null for a picture that is not a rendition (an external path, an older demo picture)</param>
    /// <param name="Sources">the <c>&lt;picture&gt;</c> and its <c>&lt;source&gt;</c>s to write before the <c>&lt;img&gt;</c>, or null for a plain one</param>
    /// <param name="RecheckAt">when to look at the disk again, or null once nothing more can appear</param>
    public sealed record Markup(string? SrcSet, string? Sources, DateTimeOffset? RecheckAt);

    public Markup For(string path, string? sizes)
    {
        var now = clock.GetUtcNow();
        if (kept.TryGetValue((path, sizes), out var markup) && !(markup.RecheckAt <= now)) return markup;
        markup = WorkOut(path, sizes, now);
        if (kept.Count >= MostKept) kept.Clear();
        kept[(path, sizes)] = markup;
        return markup;
    }

    /// <summary>Twins written on this node: every picture is looked at again.</summary>
    public void Forget() => kept.Clear();

    private Markup WorkOut(string path, string? sizes, DateTimeOffset now)
    {
        if (ResponsiveImage.SrcSet(path) is not { } srcset) return new(null, null, null);
        // The first source the browser can show wins: AVIF, the smallest, before WebP.
        (string Type, string? Set, string Extension)[] candidates =
        [
            ("image/avif", ResponsiveImage.AvifSrcSet(path), AvifTwins.Extension),
            ("image/webp", ResponsiveImage.WebPSrcSet(path), PictureFormat.WebP.Extension),
        ];
        var offered = candidates.Where(c => c.Set is not null).ToList();
        var present = offered.Where(c => HasTwins(path, c.Extension)).ToList();
        var recheckAt = present.Count < offered.Count ? now + Recheck : (DateTimeOffset?)null;
        if (present.Count == 0) return new(srcset, null, recheckAt);
        var html = new System.Text.StringBuilder("<picture>");
        foreach (var source in present)
        {
            html.Append("<source type=\"").Append(source.Type).Append("\" srcset=\"").Append(encoder.Encode(source.Set!)).Append('"');
            if (sizes is not null) html.Append(" sizes=\"").Append(encoder.Encode(sizes)).Append('"');
            html.Append('>');
        }
        return new(srcset, html.ToString(), recheckAt);
    }

    /// <summary>A stat of the largest twin (written last).</summary>
    private bool HasTwins(string path, string extension) =>
        File.Exists(Path.Combine(options.MediaPath, Path.ChangeExtension(path["/media/".Length..], extension)));
}
