using Broadsheet.Features.Articles;
using Microsoft.AspNetCore.Html;

namespace Broadsheet.Features.Newsroom.Articles;

/// <summary>What the newsroom's preview renders, already as HTML: the editor's preview and the typo inbox share it.</summary>
public sealed record ArticlePreview(string TitleHtml, string LeadHtml, string? CoverImage, string? CaptionHtml, string BodyHtml)
{
    public bool HasMark { get; init; }

    /// <summary>The story's head as readers see it; plain text (the partial encodes it). Empty where the caller has none.</summary>
    public IReadOnlyList<string> Rubrics { get; init; } = [];
    public IReadOnlyList<string> Byline { get; init; } = [];
    public string? Dateline { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>UTC; the time readers will see under the headline (now, for a piece not yet out).</summary>
    public DateTime? At { get; init; }

    /// <summary>For the public page's own partial; names without links, since a preview goes nowhere.</summary>
    public Story Story => new()
    {
        Title = new HtmlString(TitleHtml),
        Lead = LeadHtml.Length > 0 ? new HtmlString(LeadHtml) : null,
        Rubrics = [.. Rubrics.Select(r => new StoryLink(r))],
        Byline = [.. Byline.Select(b => new StoryLink(b))],
        At = At,
        Dateline = Dateline,
        Cover = CoverImage,
        CoverCaption = CaptionHtml is { Length: > 0 } caption ? new HtmlString(caption) : null,
        Body = new HtmlString(BodyHtml),
        Tags = [.. Tags.Select(t => new StoryLink(t))],
    };
}
