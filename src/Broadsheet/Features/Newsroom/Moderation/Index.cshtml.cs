using Broadsheet.Features.Comments;
using Broadsheet.Features.Newsroom.Language;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Moderation;

/// <summary>
/// The queue: held comments and published ones readers flagged, oldest first, as cards. Every moderation act
/// posts here (from the queue and from an article's comments), then goes back where it came from.
/// </summary>
public sealed class IndexModel(BroadsheetDb db, CommentModeration moderation, TimeProvider clock, PageMeta meta, NewsroomWords words) : PageModel
{
    public const int PageSize = 100;

    /// <summary>The longest block short of "for good" (0 days); past it the end date would be a guess, and past 10,000 years a crash.</summary>
    public const int MaxBlockDays = 3650;
    public List<CommentCard> Queue { get; private set; } = [];
    public int Held { get; private set; }
    public int Flagged { get; private set; }
    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        meta.Title = words["Comment moderation"];
        meta.NoIndex = true;
        var waiting = db.Comments.AsNoTracking().Where(c => c.Status == CommentStatus.Held || (c.Status == CommentStatus.Published && c.FlagCount > 0));
        Held = await waiting.CountAsync(c => c.Status == CommentStatus.Held, ct);
        Flagged = await waiting.CountAsync(c => c.Status == CommentStatus.Published, ct);
        Queue = await CommentCard.LoadAsync(db, waiting.OrderBy(c => c.Id).Take(PageSize), newestFirst: false, clock.GetUtcNow().UtcDateTime, ct);
    }

    public async Task<IActionResult> OnPostDecideAsync(long comment, CommentStatus decision, string? back, CancellationToken ct)
    {
        Notice = await moderation.DecideAsync(User, comment, decision, ct) ? Done(decision, 1) : words["There is no such comment."];
        return Back(back);
    }

    /// <summary>The bulk bar: the ticked cards, one decision.</summary>
    public async Task<IActionResult> OnPostBulkAsync(long[]? comments, CommentStatus decision, string? back, CancellationToken ct)
    {
        if (comments is not { Length: > 0 })
        {
            Notice = words["Tick the comments first."];
            return Back(back);
        }
        if (comments.Length > CommentModeration.BulkMax) return BadRequest();
        Notice = Done(decision, await moderation.DecideManyAsync(User, comments, decision, ct));
        return Back(back);
    }

    public async Task<IActionResult> OnPostBlockAsync(string account, int days, bool tell, string? reason, string? back, CancellationToken ct)
    {
        if (days is < 0 or > MaxBlockDays) return BadRequest();
        var until = days == 0 ? DateTime.MaxValue : clock.GetUtcNow().UtcDateTime.AddDays(days);
        Notice = await moderation.BlockAsync(User, account, until, tell, (reason ?? "").Trim(), ct)
            ? tell ? words["The account is blocked and its owner told."] : words["The account is blocked without notice."]
            : words["There is no such account."];
        return Back(back);
    }

    public async Task<IActionResult> OnPostUnblockAsync(string account, string? back, CancellationToken ct)
    {
        Notice = await moderation.UnblockAsync(User, account, ct) ? words["The account may comment again."] : words["There is no such account."];
        return Back(back);
    }

    private string Done(CommentStatus decision, int count) => decision switch
    {
        CommentStatus.Published => words["Shown under the article: {0}.", count],
        CommentStatus.Held => words["Hidden until reviewed: {0}.", count],
        CommentStatus.Rejected => words["Rejected: {0}.", count],
        _ => words["Removed: {0}.", count],
    };

    /// <summary>Back to the page the act came from (the queue, an article's comments, the public article), never to another site.</summary>
    private IActionResult Back(string? back) =>
        back is { } path && SitePath.IsLocal(path) ? LocalRedirect(path) : RedirectToPage();
}
