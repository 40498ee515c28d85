using Broadsheet.Features.Articles.History;
using Broadsheet.Features.Newsroom.Language;
using Broadsheet.Features.Newsroom.Revisions;
using Broadsheet.Features.Newsroom.Workflow;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Articles;

/// <summary>An article's saves, who made each and with what step, any two compared word by word, and a way back to any of them.</summary>
public sealed class RevisionsModel(ArticleDesk desk, BroadsheetDb db, SiteContext site, PageMeta meta, StaffNames names, NewsroomWords words) : PageModel
{
    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public List<Revision> History { get; private set; } = [];
    public Revision? Older { get; private set; }
    public Revision? Newer { get; private set; }
    public List<WordDiff.Paragraph> TitleDiff { get; private set; } = [];
    public List<WordDiff.Paragraph> LeadDiff { get; private set; } = [];
    public List<WordDiff.Paragraph> BodyDiff { get; private set; } = [];
    private Dictionary<string, string> people = [];
    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, int? from, int? to, CancellationToken ct)
    {
        var article = await desk.LoadAsync(id, ct);
        if (article is null) return NotFound();
        if (!await desk.CanEditAsync(User, article, ct)) return Forbid();
        Id = id;
        Title = article.Title;
        meta.Title = words["Revisions: {0}", article.Title];
        meta.NoIndex = true;
        History = await db.Revisions.AsNoTracking().Where(r => r.ArticleId == id).OrderByDescending(r => r.Id).ToListAsync(ct);
        people = await names.OfAsync(History.Select(r => r.AccountId), ct);
        Newer = to is { } t ? History.FirstOrDefault(r => r.Id == t) : History.ElementAtOrDefault(0);
        Older = from is { } f ? History.FirstOrDefault(r => r.Id == f) : History.ElementAtOrDefault(1);
        if ((from is not null && Older is null) || (to is not null && Newer is null)) return NotFound();
        if (Older is not null && Newer is not null)
        {
            TitleDiff = WordDiff.Compare(Older.Title, Newer.Title);
            LeadDiff = WordDiff.Compare(Older.Lead, Newer.Lead);
            BodyDiff = WordDiff.Compare(Older.Body, Newer.Body);
        }
        return Page();
    }

    /// <summary>Puts an old revision's words back; that is itself a save, so it becomes the newest revision.</summary>
    public async Task<IActionResult> OnPostRestoreAsync(int id, int revision, CancellationToken ct)
    {
        var article = await desk.LoadAsync(id, ct);
        if (article is null) return NotFound();
        if (!await desk.CanEditAsync(User, article, ct)) return Forbid();
        var old = await db.Revisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == revision && r.ArticleId == id, ct);
        if (old is null) return NotFound();
        var form = ArticleForm.From(article, site.ToLocal);
        form.Title = old.Title;
        form.Lead = old.Lead;
        form.Body = old.Body;
        // The form's channel choice is saved with it: left empty, a restore would take the article off every channel.
        form.Channels = await db.ArticleChannels.Where(x => x.ArticleId == id).Select(x => x.ChannelId).ToListAsync(ct);
        db.ChangeTracker.Clear();
        var outcome = await desk.SaveAsync(id, form, User, EditorAction.Restore, ct);
        if (outcome.IsForbidden) return Forbid();
        Notice = outcome.Succeeded
            ? words["Restored the revision of {0}.", When(old)]
            : words["Not restored: {0}", string.Join(" ", outcome.Errors.Select(e => e.Message))];
        return Redirect(outcome.Succeeded ? $"/newsroom/articles/{id}" : $"/newsroom/articles/{id}/revisions");
    }

    /// <summary>"2 Dec 2026, 09:15:42 · Nina Author · submitted": seconds, so two saves in one minute read apart.</summary>
    public string Describe(Revision r)
    {
        var who = r.AccountId is { } id && people.TryGetValue(id, out var name) ? name
            : r.SavedBy.Length > 0 ? StaffNames.Before(r.SavedBy) : words["before the newsroom's history"];
        var what = r.Action switch
        {
            RevisionAction.Autosaved => words["autosaved"],
            RevisionAction.Submitted => words["submitted"],
            RevisionAction.Scheduled => words["revision|scheduled"],
            RevisionAction.Published => words["revision|published"],
            RevisionAction.Unpublished => words["revision|unpublished"],
            RevisionAction.Returned => words["returned to draft"],
            RevisionAction.Restored => words["restored"],
            RevisionAction.TypoFix => words["typo fix"],
            RevisionAction.Saved => words["saved"],
            _ => r.IsAutosave ? words["autosaved"] : r.SavedBy.Length > 0 ? words["saved"] : words["imported"],
        };
        return $"{When(r)} · {who} · {what}{(r.IsCorrection ? " · " + words["correction"] : "")}";
    }

    private string When(Revision r)
    {
        var local = site.ToLocal(r.SavedAt);
        var text = local.ToString(site.IsRussian ? "dd.MM.yyyy HH:mm:ss" : "d MMM yyyy, HH:mm:ss", site.Culture);
        return string.IsNullOrWhiteSpace(site.Settings.TimeZoneLabel) ? text : $"{text} ({site.Settings.TimeZoneLabel})";
    }
}
