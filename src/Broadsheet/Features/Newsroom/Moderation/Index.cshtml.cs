using Broadsheet.Features.Comments;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Moderation;

/// <summary>The queue: held comments and published ones readers flagged, oldest first, each with the rule that fired and its author's record.</summary>
public sealed class IndexModel(BroadsheetDb db, CommentModeration moderation, TimeProvider clock, PageMeta meta) : PageModel
{
    public const int PageSize = 100;

    /// <summary>The longest block short of "for good" (0 days); past it the end date would be a guess, and past 10,000 years a crash.</summary>
    public const int MaxBlockDays = 3650;
    public List<Waiting> Queue { get; private set; } = [];
    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        meta.Title = "Comment moderation";
        meta.NoIndex = true;
        var waiting = await (
            from c in db.Comments.AsNoTracking()
            where c.Status == CommentStatus.Held || (c.Status == CommentStatus.Published && c.FlagCount > 0)
            join a in db.Articles on c.ArticleId equals a.Id
            join u in db.Users on c.AccountId equals u.Id into authors
            from u in authors.DefaultIfEmpty()
            orderby c.Id
            select new { c, a.Title, Author = u == null ? null : u.DisplayName, Email = u == null ? null : u.Email, Blocked = u == null ? null : u.BlockedUntil })
            .Take(PageSize).ToListAsync(ct);
        var authorIds = waiting.Select(w => w.c.AccountId).OfType<string>().Distinct().ToList();
        var history = (await db.Comments.AsNoTracking().Where(c => c.AccountId != null && authorIds.Contains(c.AccountId))
            .GroupBy(c => new { c.AccountId, c.Status }).Select(g => new { g.Key.AccountId, g.Key.Status, Count = g.Count() }).ToListAsync(ct))
            .ToLookup(h => h.AccountId!);
        var flagReasons = (await db.CommentFlags.AsNoTracking().Where(f => waiting.Select(w => w.c.Id).Contains(f.CommentId))
            .Select(f => new { f.CommentId, f.Reason }).ToListAsync(ct)).ToLookup(f => f.CommentId, f => f.Reason);
        var now = clock.GetUtcNow().UtcDateTime;
        Queue = [.. waiting.Select(w => new Waiting(w.c, w.Title, w.Author, w.Email,
            w.c.AccountId is { } id ? history[id].ToDictionary(h => h.Status, h => h.Count) : [],
            [.. flagReasons[w.c.Id]], w.Blocked is { } b && b > now))];
    }

    public async Task<IActionResult> OnPostDecideAsync(long comment, CommentStatus decision, CancellationToken ct)
    {
        if (decision is not (CommentStatus.Published or CommentStatus.Rejected or CommentStatus.Deleted)) return BadRequest();
        Notice = await moderation.DecideAsync(User, comment, decision, ct) ? $"Comment {comment}: {decision.ToString().ToLowerInvariant()}." : "There is no such comment.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostBlockAsync(string account, int days, bool tell, string? reason, CancellationToken ct)
    {
        if (days is < 0 or > MaxBlockDays) return BadRequest();
        var until = days == 0 ? DateTime.MaxValue : clock.GetUtcNow().UtcDateTime.AddDays(days);
        Notice = await moderation.BlockAsync(User, account, until, tell, (reason ?? "").Trim(), ct) ? "The account is blocked." : "There is no such account.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnblockAsync(string account, CancellationToken ct)
    {
        Notice = await moderation.UnblockAsync(User, account, ct) ? "The account may comment again." : "There is no such account.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostArticleAsync(int article, ArticleComments mode, CancellationToken ct)
    {
        Notice = await moderation.SetArticleAsync(User, article, mode, ct) ? $"Article {article}: comments {mode switch
        {
            ArticleComments.HoldAll => "all held for moderation",
            ArticleComments.Closed => "closed",
            _ => "under the usual rules",
        }}." : "There is no such article.";
        return RedirectToPage();
    }

    public sealed record Waiting(Comment Comment, string ArticleTitle, string? Author, string? Email,
        Dictionary<CommentStatus, int> History, List<FlagReason> Flags, bool IsBlocked);
}
