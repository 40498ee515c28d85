using Broadsheet.Features.Articles;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Broadsheet.Features.Comments;

/// <summary>
/// The discussion under an article: the article page asks for it by name, so Articles does not
/// depend on Comments (which depends on Articles). The first page is the same for every reader.
/// </summary>
public sealed class ArticleCommentsViewComponent(BroadsheetDb db, TimeProvider clock, IOptions<CommentOptions> options) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Article article)
    {
        var page = article.CommentsEnabled
            ? await CommentThread.LoadAsync(db, article.Id, 1, options.Value.PageSize, HttpContext.RequestAborted)
            : null;
        var open = article.CommentsEnabled && article.IsOpenAt(clock.GetUtcNow().UtcDateTime, options.Value.CloseAfterDays);
        return View("/Features/Comments/_ArticleComments.cshtml", new ArticleDiscussion(article, page, open));
    }
}

public sealed record ArticleDiscussion(Article Article, CommentPage? Page, bool Open);
