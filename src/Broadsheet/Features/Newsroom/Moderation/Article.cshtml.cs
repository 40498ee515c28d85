using Broadsheet.Features.Comments;
using Broadsheet.Features.Newsroom.Language;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Moderation;

/// <summary>
/// One article's comments in every state, newest first, with the thread's own switch (usual rules, hold
/// every comment, closed). Reached from the article's newsroom screen and, for moderators, from the public page.
/// </summary>
public sealed class ArticleCommentsModel(BroadsheetDb db, CommentModeration moderation, TimeProvider clock, PageMeta meta, NewsroomWords words) : PageModel
{
    public const int PageSize = 200;

    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public DateTime? PublishedAt { get; private set; }
    public string Slug { get; private set; } = "";
    public ArticleComments Mode { get; private set; }
    public Dictionary<CommentStatus, int> Counts { get; private set; } = [];
    public List<CommentCard> Cards { get; private set; } = [];

    /// <summary>One state only; null shows all of them.</summary>
    [BindProperty(SupportsGet = true)] public CommentStatus? State { get; set; }
    /// <summary>Keyset paging: comments older than this id (newest first, as everywhere in the app).</summary>
    [BindProperty(SupportsGet = true)] public long? Before { get; set; }
    [TempData] public string? Notice { get; set; }

    /// <summary>The next page's start, when there are older comments than the ones shown.</summary>
    public long? Older { get; private set; }

    public string Here => PageAt(Before);

    public string PageAt(long? before) => $"/newsroom/moderation/articles/{Id}" + (State, before) switch
    {
        ({ } s, { } b) => $"?state={s}&before={b}",
        ({ } s, null) => $"?state={s}",
        (null, { } b) => $"?before={b}",
        _ => "",
    };

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.Id, a.Title, a.PublishedAt, a.Slug, a.CommentsEnabled }).FirstOrDefaultAsync(ct);
        if (article is null) return NotFound();
        (Id, Title, PublishedAt, Slug) = (article.Id, article.Title, article.PublishedAt, article.Slug);
        var holdAll = await db.ArticleCommentPolicies.AsNoTracking().AnyAsync(p => p.ArticleId == id && p.HoldAll, ct);
        Mode = !article.CommentsEnabled ? ArticleComments.Closed : holdAll ? ArticleComments.HoldAll : ArticleComments.Usual;
        meta.Title = words["Comments: {0}", Title];
        meta.NoIndex = true;
        var comments = db.Comments.AsNoTracking().Where(c => c.ArticleId == id);
        Counts = await comments.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        if (State is { } state) comments = comments.Where(c => c.Status == state);
        if (Before is { } before) comments = comments.Where(c => c.Id < before);
        // One more than a page tells whether an older page exists without counting.
        var ids = await comments.OrderByDescending(c => c.Id).Select(c => c.Id).Take(PageSize + 1).ToListAsync(ct);
        if (ids.Count > PageSize) (ids, Older) = (ids[..PageSize], ids[PageSize - 1]);
        Cards = await CommentCard.LoadAsync(db, db.Comments.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderByDescending(c => c.Id), newestFirst: true, clock.GetUtcNow().UtcDateTime, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostThreadAsync(int id, ArticleComments mode, CancellationToken ct)
    {
        if (!Enum.IsDefined(mode)) return BadRequest();
        if (!await moderation.SetArticleAsync(User, id, mode, ct)) return NotFound();
        Notice = mode switch
        {
            ArticleComments.HoldAll => words["Every new comment here waits for a moderator."],
            ArticleComments.Closed => words["Comments on this article are closed."],
            _ => words["Comments here follow the usual rules."],
        };
        return RedirectToPage(new { id });
    }
}
