namespace Broadsheet.Features.Comments;

/// <summary>
/// A moderator's override for one article: hold every comment (a heated story). Closing is
/// <see cref="Articles.Article.CommentsEnabled"/>; this row exists only where an override is set.
/// </summary>
public sealed class ArticleCommentPolicy
{
    public int ArticleId { get; set; }
    public bool HoldAll { get; set; }
}
