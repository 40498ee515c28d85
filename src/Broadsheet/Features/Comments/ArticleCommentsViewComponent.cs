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
        var page = article.CommentsEnabled ? await FirstPageAsync(HttpContext, memo, db, article.Id, options.PageSize) : null;
        var open = article.CommentsEnabled && article.IsOpenAt(clock.GetUtcNow().UtcDateTime, options.CloseAfterDays);
        return View("/Features/Comments/_ArticleComments.cshtml", new ArticleDiscussion(article, page, open));
    }

    /// <summary>
    /// Kept in the article's memo, so a page rendered again runs no query (the count near the headline shares it), and
    /// forgotten with the article or on its own when a comment changes the thread (<see cref="PageCache.DiscussionTag"/>,
    /// which the cached page carries for that). Whoever reads the primary (signed in: a reader who has just posted) reads
    /// the thread itself: a new comment's eviction may wait up to a second (CacheEviction.EvictCoalescedAsync), its author must not.
    /// The count and the thread of one page share one load through the request's items: without it a signed-in reader's
    /// page (and every page with the memos off) read the thread twice.
    /// </summary>
    public static async Task<CommentPage?> FirstPageAsync(HttpContext context, ArticleMemo memo, BroadsheetDb db, int articleId, int pageSize)
    {
        context.TagCachedPage(PageCache.DiscussionTag(articleId));
        var key = (typeof(FirstPageKey), articleId, pageSize);
        if (context.Items.TryGetValue(key, out var loaded)) return (CommentPage?)loaded;
        var ct = context.RequestAborted;
        var page = !ReplicaRouting.MayReadFromReplica(context)
            ? await CommentThread.LoadAsync(db, articleId, 1, pageSize, ct)
            : await memo.GetOrLoadDiscussionAsync(articleId,
                async () => (CommentPage?)await CommentThread.LoadAsync(db, articleId, 1, pageSize, ct),
                p => 2L * p.Threads.Sum(t => t.Comment.Text.Length + t.Replies.Sum(r => r.Text.Length)) + 4096);
        context.Items[key] = page;
        return page;
    }

    private sealed class FirstPageKey;
}

public sealed record ArticleDiscussion(Article Article, CommentPage? Page, bool Open);
