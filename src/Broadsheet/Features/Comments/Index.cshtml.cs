using System.ComponentModel.DataAnnotations;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Comments;

/// <summary>
/// /articles/{id}/comments: the discussion with the reader's own form, never cached, working without
/// JavaScript. The article page itself is cached for everyone and links here for anything personal.
/// </summary>
public sealed class IndexModel(BroadsheetDb db, CommentDesk desk, UserManager<Account> accounts, SiteContext site,
    CommentOptions options, TimeProvider clock, PageMeta meta) : PageModel
{
    public Article Article { get; private set; } = null!;
    public string ArticlePath { get; private set; } = "";
    public ThreadView Thread { get; private set; } = null!;
    public bool IsOpen { get; private set; }
    public bool SignedIn { get; private set; }
    public string? ReaderName { get; private set; }

    /// <summary>Why this reader may not comment (blocked, not yet confirmed), shown instead of the form.</summary>
    public string? CannotPost { get; private set; }
    public List<Comment> Waiting { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public string? Order { get; set; }
    public bool Newest => Order == "newest";
    public int PageNumber { get; private set; } = 1;
    [BindProperty(SupportsGet = true)] public long? Reply { get; set; }
    [BindProperty(SupportsGet = true)] public long? Edit { get; set; }
    [BindProperty, StringLength(Comment.TextMax * 4)] public string Text { get; set; } = "";
    [TempData] public string? Notice { get; set; }

    /// <summary>"held" when the comment waits for a moderator, so it does not look like one already published.</summary>
    [TempData] public string? NoticeKind { get; set; }
    public string? Problem { get; private set; }

    /// <summary>The page number comes from the query only: "page" is also Razor Pages' own route value (the page's name), which is not a number.</summary>
    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        if (page < 1) return BadRequest();
        PageNumber = page ?? 1;
        if (!await LoadAsync(id, ct)) return NotFound();
        // A page past the last one (a stale link, a guessed number) is not a page of this discussion.
        if (Thread.Page.Page != PageNumber) return NotFound();
        if (Edit is { } edit && Waiting.Concat(await OwnAsync(ct)).FirstOrDefault(c => c.Id == edit) is { } mine) Text = mine.Text;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await accounts.GetUserAsync(User) is not { } account) return Challenge();
        var outcome = Edit is { } edit
            ? await desk.EditAsync(account, edit, Text, ct)
            : await desk.PostAsync(account, id, Reply, Text, CommentsApi.Address(HttpContext), ct);
        return await AnswerAsync(id, outcome, ct);
    }

    public async Task<IActionResult> OnPostFlagAsync(int id, long comment, FlagReason reason, CancellationToken ct)
    {
        if (await accounts.GetUserAsync(User) is not { } account) return Challenge();
        return await AnswerAsync(id, await desk.FlagAsync(account, comment, reason, ct), ct);
    }

    private async Task<IActionResult> AnswerAsync(int id, PostOutcome outcome, CancellationToken ct)
    {
        if (outcome.Succeeded)
        {
            Notice = outcome.Message;
            NoticeKind = outcome.Status == 202 ? "held" : "done";
            return Redirect($"/articles/{id}/comments" + (outcome.Comment is { } c ? $"#comment-{c.Id}" : ""));
        }
        if (!await LoadAsync(id, ct)) return NotFound();
        Problem = outcome.Message;
        outcome.Stamp(Response);
        var page = Page();
        page.StatusCode = outcome.Status;
        return page;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (article is null || !article.IsVisibleAt(now)) return false;
        Article = article;
        ArticlePath = ArticleUrl.For(site, article.PublishedAt!.Value, article.Slug);
        IsOpen = article.IsOpenAt(now, options.CloseAfterDays);
        var shown = await CommentThread.LoadAsync(db, id, PageNumber, options.PageSize, ct, Newest);
        ReaderView? reader = null;
        if (await accounts.GetUserAsync(User) is { } account)
        {
            SignedIn = true;
            ReaderName = account.DisplayName;
            CannotPost = desk.BlockNotice(account, now) is { } blocked ? $"{CommentMessages.For(site).BlockedWhy} {blocked}"
                : account.EmailConfirmed ? null : CommentMessages.For(site).Unconfirmed;
            var own = await db.Comments.AsNoTracking().Where(c => c.ArticleId == id && c.AccountId == account.Id).ToListAsync(ct);
            Waiting = [.. own.Where(c => c.Status == CommentStatus.Held)];
            reader = new([.. own.Select(c => c.Id)], [.. own.Where(c => c.IsEditableAt(now)).Select(c => c.Id)],
                [.. Waiting.Select(c => new ShownComment(c.Id, c.ParentId, account.DisplayName, c.Text, c.CreatedAt, c.EditedAt))]);
        }
        Thread = new(shown, id, IsOpen, reader);
        meta.Title = $"{site.Text.Comments}: {article.Title}";
        meta.NoIndex = true;
        meta.CanonicalPath = ArticlePath;
        return true;
    }

    private async Task<List<Comment>> OwnAsync(CancellationToken ct) =>
        await accounts.GetUserAsync(User) is { } account
            ? await db.Comments.AsNoTracking().Where(c => c.AccountId == account.Id && c.Id == Edit).ToListAsync(ct)
            : [];
}
