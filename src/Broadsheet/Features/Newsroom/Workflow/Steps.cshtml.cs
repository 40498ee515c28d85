using Broadsheet.Features.Articles;
using Broadsheet.Features.Audit;
using Broadsheet.Features.Newsroom.Articles;
using Broadsheet.Features.Newsroom.Language;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Workflow;

/// <summary>
/// The forms of the article screen's workflow panel: a staff note, an assignment, a return to the
/// author with a note. Each answers with the article's screen again, and a notice of what happened.
/// </summary>
public sealed class StepsModel(ArticleDesk desk, BroadsheetDb db, StaffNames names, WorkflowNotices notices, WorkflowPanel panel,
    AuditLog audit, NewsroomWords words, SiteContext site, TimeProvider clock) : PageModel
{
    [TempData] public string? Notice { get; set; }

    public IActionResult OnGet(int id) => Redirect($"/newsroom/articles/{id}");

    public async Task<IActionResult> OnPostNoteAsync(int id, string? text, CancellationToken ct)
    {
        var article = await desk.LoadAsync(id, ct);
        if (article is null) return NotFound();
        if (!await desk.CanEditAsync(User, article, ct)) return Forbid();
        text = text?.Trim() ?? "";
        if (text.Length == 0) return Back(id, words["Write the note first."]);
        if (text.Length > EditorialNote.MaxLength) return Back(id, words["The note is too long: at most {0} characters.", EditorialNote.MaxLength]);
        var accountId = ArticleDesk.AccountId(User);
        db.EditorialNotes.Add(new EditorialNote
        {
            ArticleId = id, AccountId = accountId, WrittenBy = await names.OfAsync(accountId, ct), Text = text,
            WrittenAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return Back(id, words["Note added."]);
    }

    /// <summary>Editors assign; an empty choice takes the assignment away.</summary>
    public async Task<IActionResult> OnPostAssignAsync(int id, string? accountId, CancellationToken ct)
    {
        if (!ArticleDesk.IsEditor(User)) return Forbid();
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (article is null) return NotFound();
        var current = await db.ArticleAssignments.FirstOrDefaultAsync(a => a.ArticleId == id, ct);
        if (string.IsNullOrEmpty(accountId))
        {
            if (current is not null) db.ArticleAssignments.Remove(current);
            audit.Record(User, AuditAction.Assign, id, details: $"{article.Title} → —");
            await db.SaveChangesAsync(ct);
            return Back(id, words["Nobody is assigned now."]);
        }
        if (!(await panel.WritersAsync(ct)).Contains(accountId)) return Back(id, words["Choose someone from the staff list."]);
        if (current?.AccountId == accountId) return Back(id, null);
        var name = await names.OfAsync(accountId, ct);
        var by = await names.OfAsync(ArticleDesk.AccountId(User), ct);
        if (current is null) db.ArticleAssignments.Add(new ArticleAssignment { ArticleId = id, AccountId = accountId, AssignedBy = by, AssignedAt = clock.GetUtcNow().UtcDateTime });
        else
        {
            current.AccountId = accountId;
            current.AssignedBy = by;
            current.AssignedAt = clock.GetUtcNow().UtcDateTime;
        }
        audit.Record(User, AuditAction.Assign, id, accountId, $"{article.Title} → {name}");
        await db.SaveChangesAsync(ct);
        if (accountId != ArticleDesk.AccountId(User))
            await notices.TellAsync([accountId], id, article.Title, NotificationKind.Assigned, by, "", ct);
        return Back(id, words["Assigned to {0}.", name]);
    }

    /// <summary>An editor sends a submission back to its author, saying why: the note is kept with the article and mailed to the author.</summary>
    public async Task<IActionResult> OnPostReturnAsync(int id, string? text, CancellationToken ct)
    {
        if (!ArticleDesk.IsEditor(User)) return Forbid();
        var article = await desk.LoadAsync(id, ct);
        if (article is null) return NotFound();
        text = text?.Trim() ?? "";
        if (text.Length == 0) return Back(id, words["Say what the author should change."]);
        if (text.Length > EditorialNote.MaxLength) return Back(id, words["The note is too long: at most {0} characters.", EditorialNote.MaxLength]);
        var form = ArticleForm.From(article, site.ToLocal);
        form.Channels = await db.ArticleChannels.Where(x => x.ArticleId == id).Select(x => x.ChannelId).ToListAsync(ct);
        db.ChangeTracker.Clear();
        var outcome = await desk.SaveAsync(id, form, User, EditorAction.ReturnToDraft, ct, note: text);
        if (outcome.IsForbidden) return Forbid();
        if (!outcome.Succeeded) return Back(id, words["Not returned: {0}", string.Join(" ", outcome.Errors.Select(e => e.Message))]);
        var accountId = ArticleDesk.AccountId(User);
        db.EditorialNotes.Add(new EditorialNote
        {
            ArticleId = id, AccountId = accountId, WrittenBy = await names.OfAsync(accountId, ct), Text = text,
            WrittenAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return Back(id, words["Returned to the author with your note."]);
    }

    private RedirectResult Back(int id, string? notice)
    {
        Notice = notice;
        return Redirect($"/newsroom/articles/{id}#workflow");
    }
}
