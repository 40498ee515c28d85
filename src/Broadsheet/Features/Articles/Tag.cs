namespace Broadsheet.Features.Articles;

/// <summary>A free keyword; unlike a rubric it is not a section of the paper and has no order.</summary>
public sealed class Tag
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
}
