using Broadsheet.Features.Articles;
using Broadsheet.Infrastructure.Caching;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;

namespace Broadsheet.Features.Comments;

/// <summary>
/// The discussion under an article: the article page asks for it by name, so Articles does not
/// depend on Comments (which depends on Articles). The first page is the same for every reader.
/// </summary>
public sealed class ArticleCommentsViewComponent(BroadsheetDb db, TimeProvider clock, CommentOptions options, ArticleMemo memo) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Article article)
    {
        var page = article.CommentsEnabled ? await FirstPageAsync(memo, db, article.Id, options.PageSize, HttpContext.RequestAborted) : null;
        var open = article.CommentsEnabled && article.IsOpenAt(clock.GetUtcNow().UtcDateTime, options.CloseAfterDays);
        return View("/Features/Comments/_ArticleComments.cshtml", new ArticleDiscussion(article, page, open));
    }

    /// <summary>Kept with the article's memo and forgotten with it, so a page rendered again runs no query (the count near the headline shares it).</summary>
    public static async Task<CommentPage?> FirstPageAsync(ArticleMemo memo, BroadsheetDb db, int articleId, int pageSize, CancellationToken ct) =>
        await memo.GetOrLoadAsync($"comments:{articleId}",
            async () => (CommentPage?)await CommentThread.LoadAsync(db, articleId, 1, pageSize, ct),
            _ => articleId,
            p => 2L * p.Threads.Sum(t => t.Comment.Text.Length + t.Replies.Sum(r => r.Text.Length)) + 4096);
}

public sealed record ArticleDiscussion(Article Article, CommentPage? Page, bool Open);
