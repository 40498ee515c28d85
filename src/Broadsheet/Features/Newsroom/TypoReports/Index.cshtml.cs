using Broadsheet.Features.Site;
using Broadsheet.Features.TypoReports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Features.Newsroom.TypoReports;

/// <summary>The editors' inbox of typo reports, and the two things done with one: apply it, or dismiss it.</summary>
public sealed class IndexModel(TypoInbox inbox, TypoDesk desk, PageMeta meta, Language.NewsroomWords words) : PageModel
{
    public const string Path = "/newsroom/typo-reports";

    [TempData] public string? Notice { get; set; }

    /// <summary>The article of a report that could not be applied safely, and where its fragment sits in the source, to open the editor there.</summary>
    [BindProperty(SupportsGet = true)] public int? Blocked { get; set; }
    [BindProperty(SupportsGet = true)] public int? At { get; set; }

    public List<InboxArticle> Articles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        meta.Title = words["Typo reports"];
        meta.NoIndex = true;
        Articles = await inbox.OpenAsync(ct);
    }

    public async Task<IActionResult> OnPostApplyAsync(int id, bool asCorrection, string? note, CancellationToken ct)
    {
        note = note?.Trim();
        if (asCorrection && string.IsNullOrEmpty(note))
        {
            Notice = "A correction needs a note that tells readers what was wrong. Nothing was changed.";
            return Redirect(Path);
        }
        if (note is { Length: > 2000 })
        {
            Notice = words["The correction note is too long: at most 2000 characters. Nothing was changed."];
            return Redirect(Path);
        }
        var fix = await desk.ApplyAsync(id, User, asCorrection ? note : null, ct);
        switch (fix?.Outcome)
        {
            case null:
                Notice = words["That report is no longer open; perhaps another editor dealt with it."];
                return Redirect(Path);
            case TypoFixOutcome.Replaced:
                Notice = asCorrection ? words["Fixed, with a public correction note."] : words["Fixed."];
                return Redirect(Path);
            case TypoFixOutcome.Outdated:
                Notice = words["The reported text is no longer in the article, so nothing was changed; the report is marked outdated."];
                return Redirect(Path);
            default:
                return Redirect($"{Path}?blocked={fix.ArticleId}&at={fix.Result.Position}");
        }
    }

    public async Task<IActionResult> OnPostDismissAsync(int id, CancellationToken ct)
    {
        Notice = await desk.DismissAsync(id, User, ct) ? words["Dismissed."] : words["That report is no longer open; perhaps another editor dealt with it."];
        return Redirect(Path);
    }
}
