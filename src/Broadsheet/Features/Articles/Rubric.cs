namespace Broadsheet.Features.Articles;

/// <summary>A section of the publication (Politics, Culture, Author column). An article sits in one or more.</summary>
public sealed class Rubric
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public int Position { get; set; }

    /// <summary>An opinion rubric shows the columnist's photo beside each piece.</summary>
    public bool IsOpinion { get; set; }
}
