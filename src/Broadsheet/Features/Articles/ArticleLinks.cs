namespace Broadsheet.Features.Articles;

/// <summary>Joins kept as entities so that byline order and the listings' indexes are ours to define.</summary>
public sealed class ArticleAuthor
{
    public int ArticleId { get; set; }
    public int AuthorId { get; set; }
    public Author Author { get; set; } = null!;
    public int Position { get; set; }
}

public sealed class ArticleRubric
{
    public int ArticleId { get; set; }
    public int RubricId { get; set; }
    public Rubric Rubric { get; set; } = null!;
}

public sealed class ArticleTag
{
    public int ArticleId { get; set; }
    public int TagId { get; set; }
    public Tag Tag { get; set; } = null!;
}
