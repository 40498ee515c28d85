using Microsoft.AspNetCore.Html;

namespace Broadsheet.Features.Articles;

/// <summary>
/// What <c>_Story.cshtml</c> draws: an article's head, cover, body and tags. The public page and the
/// newsroom's preview both fill one, so the preview cannot drift from what readers see. Text parts are
/// HTML content because the typo inbox marks a fragment inside them; plain text goes in through <see cref="Text"/>.
/// </summary>
public sealed record Story
{
    public required IHtmlContent Title { get; init; }

    /// <summary>Null when the article has no lead.</summary>
    public IHtmlContent? Lead { get; init; }
    public IReadOnlyList<StoryLink> Rubrics { get; init; } = [];
    public IReadOnlyList<StoryLink> Byline { get; init; } = [];

    /// <summary>An opinion piece shows its columnist's face beside the byline.</summary>
    public string? ColumnistPhoto { get; init; }

    /// <summary>UTC; the preview has none for a piece it cannot date.</summary>
    public DateTime? At { get; init; }
    public string? Dateline { get; init; }
    public string? Cover { get; init; }
    public string CoverAlt { get; init; } = "";
    public IHtmlContent? CoverCaption { get; init; }
    public required IHtmlContent Body { get; init; }
    public IReadOnlyList<StoryLink> Tags { get; init; } = [];

    /// <summary>The article as published, for the lines only readers get: corrections, views, the comment count. Null in a preview.</summary>
    public Article? Published { get; init; }
    public IReadOnlyList<Correction> Corrections { get; init; } = [];

    /// <summary>Plain text, encoded when written (as <c>@value</c> would be).</summary>
    public static IHtmlContent Text(string text) => new HtmlContentBuilder().Append(text);
}

/// <summary>A name with its page; a preview leaves the page out, since it goes nowhere.</summary>
public sealed record StoryLink(string Name, string? Href = null);
