using Broadsheet.Features.Articles;

namespace Broadsheet.Features.Comments;

public static class CommentsOpen
{
    /// <summary>Whether readers may still comment: the article is out, its comments are on and the closing date has not come.</summary>
    public static bool IsOpenAt(this Article article, DateTime now, int closeAfterDays) =>
        article.CommentsEnabled && article.IsVisibleAt(now)
        && (closeAfterDays <= 0 || article.PublishedAt!.Value.AddDays(closeAfterDays) > now);
}
