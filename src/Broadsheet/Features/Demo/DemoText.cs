namespace Broadsheet.Features.Demo;

/// <summary>The raw material of the demo publication in one language: neutral, invented, and enough of it to look like a real paper.</summary>
public sealed class DemoText
{
    public required string PublicationName { get; init; }
    public required string Tagline { get; init; }
    public required string TimeZoneLabel { get; init; }
    public required string CommentRules { get; init; }
    public required string CommentNotice { get; init; }
    public required (string Name, string Description)[] Rubrics { get; init; }
    public required (string Name, string Bio)[] Authors { get; init; }
    public required string[] Tags { get; init; }
    public required string[] Cities { get; init; }

    /// <summary>Headlines per rubric, in the order of <see cref="Rubrics"/>; {0} is a city.</summary>
    public required string[][] Headlines { get; init; }
    public required string[] Leads { get; init; }
    public required string[] Sentences { get; init; }
    public required string[] Subheadings { get; init; }
    public required string[] Quotes { get; init; }
    public required string[] Captions { get; init; }

    /// <summary>Data blocks (Articles/DataBlocks) and an embed (Articles/Embeds) in the newest politics story, so a newcomer sees them.</summary>
    public required string ElectionData { get; init; }
}
