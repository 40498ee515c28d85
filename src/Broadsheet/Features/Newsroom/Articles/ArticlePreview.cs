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
}
