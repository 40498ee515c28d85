using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Comments;

/// <summary>/account/comments: what a reader has written, in every state, newest first, each with a way to delete it.</summary>
[Authorize]
public sealed class MineModel(BroadsheetDb db, CommentDesk desk, UserManager<Account> accounts, SiteContext site, PageMeta meta) : PageModel
{
    /// <summary>Enough for anyone's recent history; the full record is in the data download.</summary>
    public const int Shown = 200;

    public sealed record Row(long Id, string Text, CommentStatus Status, DateTime At, string ArticleTitle, string? ArticlePath);

    public List<Row> Rows { get; private set; } = [];
    [TempData] public string? Notice { get; set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await accounts.GetUserAsync(User) is not { } account) return Challenge();
        await LoadAsync(account, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(long comment, CancellationToken ct)
    {
        if (await accounts.GetUserAsync(User) is not { } account) return Challenge();
        var outcome = await desk.WithdrawAsync(account, comment, ct);
        if (outcome.Succeeded) { Notice = outcome.Message; return RedirectToPage(); }
        Problem = outcome.Message;
        await LoadAsync(account, ct);
        var page = Page();
        page.StatusCode = outcome.Status;
        return page;
    }

    private async Task LoadAsync(Account account, CancellationToken ct)
    {
        meta.Title = CommentMessages.For(site).YourComments;
        meta.NoIndex = true;
        var rows = await (from c in db.Comments.AsNoTracking()
                          join a in db.Articles.AsNoTracking() on c.ArticleId equals a.Id
                          where c.AccountId == account.Id && c.Status != CommentStatus.Deleted
                          orderby c.Id descending
                          select new { c.Id, c.Text, c.Status, c.CreatedAt, a.Title, a.PublishedAt, a.Slug })
            .Take(Shown).ToListAsync(ct);
        Rows = [.. rows.Select(r => new Row(r.Id, r.Text, r.Status, r.CreatedAt, r.Title,
            r.PublishedAt is { } at ? ArticleUrl.For(site, at, r.Slug) + $"#comment-{r.Id}" : null))];
    }
}
