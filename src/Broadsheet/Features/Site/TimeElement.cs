using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Broadsheet.Features.Site;

/// <summary>
/// <c>&lt;time at="@utc"&gt;&lt;/time&gt;</c>, the one way a page writes a moment: <c>datetime</c> gets
/// <see cref="SiteContext.MachineTime"/>, and the text, unless the page gives its own, the reader's form in the site's zone and language.
/// </summary>
[HtmlTargetElement("time", Attributes = "at")]
public sealed class TimeElement(SiteContext site, TimeProvider clock) : TagHelper
{
    public DateTime At { get; set; }

    /// <summary>The teaser's short form (<see cref="SiteContext.FormatCompactTime"/>), the full one in its title.</summary>
    public bool Compact { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("datetime", site.MachineTime(At));
        var text = await output.GetChildContentAsync();
        if (!text.IsEmptyOrWhiteSpace) return;
        if (!Compact)
        {
            output.Content.SetContent(site.FormatTime(At));
            return;
        }
        output.Content.SetContent(site.FormatCompactTime(At, site.ToLocal(clock.GetUtcNow().UtcDateTime).Year));
        output.Attributes.SetAttribute("title", site.FormatTime(At));
    }
}
