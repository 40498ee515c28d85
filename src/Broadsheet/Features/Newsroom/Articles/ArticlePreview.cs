namespace Broadsheet.Features.Newsroom.Articles;

/// <summary>What the newsroom's preview renders, already as HTML: the editor's preview and the typo inbox share it.</summary>
public sealed record ArticlePreview(string TitleHtml, string LeadHtml, string? CoverImage, string? CaptionHtml, string BodyHtml)
{
    public bool HasMark { get; init; }
}
