using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Broadsheet.Infrastructure.Media;

/// <summary>
/// <c>&lt;img media-src="@path" sizes="…"&gt;</c>: the picture with its <c>srcset</c>, wrapped in a
/// <c>&lt;picture&gt;</c> with an AVIF source (once <see cref="AvifTwins"/> has written them) and a WebP
/// source before it when those twins are on disk. Uploads from before the twins, and paths that are not
/// renditions, get a plain <c>&lt;img&gt;</c>: a source whose files are missing would show a broken
/// picture, since a browser does not fall back on a 404.
/// </summary>
[HtmlTargetElement("img", Attributes = "media-src", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PictureElement(BroadsheetOptions options) : TagHelper
{
    public required string? MediaSrc { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.SetAttribute("src", MediaSrc);
        if (ResponsiveImage.SrcSet(MediaSrc) is not { } srcset) return;
        output.Attributes.SetAttribute("srcset", srcset);
        var sizes = output.Attributes.TryGetAttribute("sizes", out var s) ? s.Value?.ToString() : null;
        // The first source the browser can show wins: AVIF, the smallest, before WebP.
        (string Type, string? Set, string Extension)[] candidates =
        [
            ("image/avif", ResponsiveImage.AvifSrcSet(MediaSrc), AvifTwins.Extension),
            ("image/webp", ResponsiveImage.WebPSrcSet(MediaSrc), PictureFormat.WebP.Extension),
        ];
        var sources = candidates.Where(x => x.Set is not null && HasTwins(MediaSrc!, x.Extension)).ToList();
        if (sources.Count == 0) return;
        output.PreElement.AppendHtml("<picture>");
        foreach (var source in sources)
        {
            output.PreElement.AppendHtml("<source type=\"" + source.Type + "\" srcset=\"").Append(source.Set!).AppendHtml("\"");
            if (sizes is not null) output.PreElement.AppendHtml(" sizes=\"").Append(sizes).AppendHtml("\"");
            output.PreElement.AppendHtml(">");
        }
        output.PostElement.AppendHtml("</picture>");
    }

    /// <summary>A stat of the largest twin (written last); the pages that show pictures are served from the page cache.</summary>
    private bool HasTwins(string path, string extension) =>
        File.Exists(Path.Combine(options.MediaPath, Path.ChangeExtension(path["/media/".Length..], extension)));
}
