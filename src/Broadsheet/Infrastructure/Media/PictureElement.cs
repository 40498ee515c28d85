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
public sealed class PictureElement(PictureSources pictures) : TagHelper
{
    public required string? MediaSrc { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.SetAttribute("src", MediaSrc);
        if (MediaSrc is null) return;
        var sizes = output.Attributes.TryGetAttribute("sizes", out var s) ? s.Value?.ToString() : null;
        var markup = pictures.For(MediaSrc, sizes);
        if (markup.SrcSet is null) return;
        output.Attributes.SetAttribute("srcset", markup.SrcSet);
        if (markup.Sources is null) return;
        output.PreElement.AppendHtml(markup.Sources);
        output.PostElement.AppendHtml("</picture>");
    }
}
