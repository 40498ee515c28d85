using Broadsheet.Features.Articles.History;
using Broadsheet.Features.Newsroom.Revisions;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Articles;

/// <summary>An article's saves, any two side by side as a line diff, and a way back to any of them.</summary>
public sealed class RevisionsModel(ArticleDesk desk, BroadsheetDb db, SiteContext site, PageMeta meta) : PageModel
{
    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public List<Revision> History { get; private set; } = [];
    public Revision? Older { get; private set; }
    public Revision? Newer { get; private set; }
    public List<LineDiff.Line> TitleDiff { get; private set; } = [];
    public List<LineDiff.Line> LeadDiff { get; private set; } = [];
    public List<LineDiff.Line> BodyDiff { get; private set; } = [];
    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, int? from, int? to, CancellationToken ct)
    {
        var article = await desk.LoadAsync(id, ct);
        if (article is null) return NotFound();
        if (!await desk.CanEditAsync(User, article, ct)) return Forbid();
        Id = id;
        Title = article.Title;
        meta.Title = $"Revisions: {article.Title}";
        meta.NoIndex = true;
        History = await db.Revisions.AsNoTracking().Where(r => r.ArticleId == id).OrderByDescending(r => r.Id).ToListAsync(ct);
        Newer = to is { } t ? History.FirstOrDefault(r => r.Id == t) : History.ElementAtOrDefault(0);
        Older = from is { } f ? History.FirstOrDefault(r => r.Id == f) : History.ElementAtOrDefault(1);
        if ((from is not null && Older is null) || (to is not null && Newer is null)) return NotFound();
        if (Older is not null && Newer is not null)
        {
            TitleDiff = LineDiff.Compare(Older.Title, Newer.Title);
            LeadDiff = LineDiff.Compare(Older.Lead, Newer.Lead);
            BodyDiff = LineDiff.Compare(Older.Body, Newer.Body);
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
        db.ChangeTracker.Clear();
        var outcome = await desk.SaveAsync(id, form, User, EditorAction.Save, ct);
        if (outcome.IsForbidden) return Forbid();
        Notice = outcome.Succeeded
            ? $"Restored the revision of {site.FormatTime(old.SavedAt)}."
            : "Not restored: " + string.Join(" ", outcome.Errors.Select(e => e.Message));
        return Redirect(outcome.Succeeded ? $"/newsroom/articles/{id}" : $"/newsroom/articles/{id}/revisions");
    }

    public string Describe(Revision r) =>
        $"{site.FormatTime(r.SavedAt)} · {(r.SavedBy.Length > 0 ? r.SavedBy : "before the newsroom's history")}{(r.IsAutosave ? " · autosave" : "")}{(r.IsCorrection ? " · correction" : "")}";
}
