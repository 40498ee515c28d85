using Broadsheet.Features.Articles;
using Broadsheet.Features.Audit;
using Broadsheet.Features.Newsletter;
using Broadsheet.Features.Newsroom.Articles;
using Broadsheet.Features.Newsroom.Language;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Workflow;

/// <summary>
/// The steps that cannot be taken back with one click (unpublish, delete, a breaking-news alert to
/// every subscriber who asked for one) are asked about on a page of their own: it works without
/// script, says what will happen, and only its own button does it.
/// </summary>
public sealed class ConfirmModel(ArticleDesk desk, BroadsheetDb db, NewsletterDesk newsletter, AuditLog audit, NewsroomWords words,
    SiteContext site, PageMeta meta) : PageModel
{
    public const string Unpublish = "unpublish";
    public const string Delete = "delete";
    public const string Alert = "alert";

    [TempData] public string? Notice { get; set; }
    public int Id { get; private set; }
    public string Step { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string? Refusal { get; private set; }
    public int AlertRecipients { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string step, CancellationToken ct)
    {
        if (!ArticleDesk.IsEditor(User)) return Forbid();
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (article is null) return NotFound();
        Id = id;
        Step = step;
        Title = article.Title;
        meta.Title = article.Title;
        meta.NoIndex = true;
        Refusal = step switch
        {
            Unpublish when article.Status != ArticleStatus.Published => words["Only a published article can be unpublished."],
            Delete when article.Status == ArticleStatus.Published => words["Unpublish the article before deleting it."],
            Alert when article.Status != ArticleStatus.Published => words["Only a published article can be sent as an alert."],
            Alert when await db.DigestRuns.AnyAsync(r => r.Key == $"alert:{id}", ct) => words["An alert for this article has already been sent."],
            _ => null,
        };
        if (step == Alert) AlertRecipients = (await newsletter.CountsAsync(ct)).Alerts;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string step, CancellationToken ct)
    {
        if (!ArticleDesk.IsEditor(User)) return Forbid();
        var article = await desk.LoadAsync(id, ct);
        if (article is null) return NotFound();
        switch (step)
        {
            case Unpublish:
                var form = ArticleForm.From(article, site.ToLocal);
                form.Channels = await db.ArticleChannels.Where(x => x.ArticleId == id).Select(x => x.ChannelId).ToListAsync(ct);
                db.ChangeTracker.Clear();
                var unpublished = await desk.SaveAsync(id, form, User, EditorAction.Unpublish, ct);
                Notice = unpublished.Succeeded ? words["Unpublished: readers no longer see it."] : string.Join(" ", unpublished.Errors.Select(e => e.Message));
                return Redirect($"/newsroom/articles/{id}");
            case Delete:
                db.ChangeTracker.Clear();
                var deleted = await desk.DeleteAsync(id, User, ct);
                if (!deleted.Succeeded)
                {
                    Notice = string.Join(" ", deleted.Errors.Select(e => e.Message));
                    return Redirect($"/newsroom/articles/{id}");
                }
                Notice = words["Deleted: “{0}”.", article.Title];
                return Redirect("/newsroom");
            default:
                var sent = await newsletter.SendBreakingAlertAsync(id, ct);
                if (sent is { } count)
                {
                    audit.Record(User, AuditAction.BreakingAlert, id, details: article.Title);
                    await db.SaveChangesAsync(ct);
                }
                Notice = sent is { } n
                    ? words["Breaking-news alert sent to {0} subscribers.", n]
                    : words["No alert sent: the article is not public, or its alert went out already."];
                return Redirect($"/newsroom/articles/{id}");
        }
    }
}
