using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Broadsheet.Infrastructure.Media;

/// <summary>
/// <c>&lt;img media-src="@path" sizes="…"&gt;</c>: the picture with its <c>srcset</c>, wrapped in a
/// <c>&lt;picture&gt;</c> whose WebP source comes first when the WebP twins are on disk. Uploads from
/// before the twins, and paths that are not renditions, get a plain <c>&lt;img&gt;</c>: a WebP source
/// whose files are missing would show a broken picture, since a browser does not fall back on a 404.
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
        if (ResponsiveImage.WebPSrcSet(MediaSrc) is not { } webp || !HasTwins(MediaSrc!)) return;
        var sizes = output.Attributes.TryGetAttribute("sizes", out var s) ? s.Value?.ToString() : null;
        output.PreElement.AppendHtml("<picture><source type=\"image/webp\" srcset=\"").Append(webp).AppendHtml("\"");
        if (sizes is not null) output.PreElement.AppendHtml(" sizes=\"").Append(sizes).AppendHtml("\"");
        output.PreElement.AppendHtml(">");
        output.PostElement.AppendHtml("</picture>");
    }

    /// <summary>A stat of the largest twin; the pages that show pictures are served from the page cache.</summary>
    private bool HasTwins(string path) =>
        File.Exists(Path.Combine(options.MediaPath, Path.ChangeExtension(path["/media/".Length..], PictureFormat.WebP.Extension)));
}
