namespace Broadsheet.Features.Articles;

/// <summary>A slug a published article was once reachable under; its old URL answers with a permanent redirect.</summary>
public sealed class ArticleSlugHistory
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public required string Slug { get; set; }
}

/// <summary>A tag slug that was renamed or merged away; /tag/{old} redirects to the tag that took its place.</summary>
public sealed class TagSlugHistory
{
    public int Id { get; set; }
    public int TagId { get; set; }
    public required string Slug { get; set; }
}
