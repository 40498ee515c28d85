using Broadsheet.Features.Newsroom.Language;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Import;

/// <summary>
/// /newsroom/import/{id}: one run. While it goes, its counts and rate (the page asks ?handler=progress every
/// couple of seconds, or, without script, reloads itself); once it has ended, the report the command prints.
/// </summary>
public sealed class RunModel(BroadsheetDb db, PageMeta meta, NewsroomWords words, TimeProvider clock) : PageModel
{
    public ImportRun Run { get; private set; } = null!;
    public ImportRunReport? Report { get; private set; }
    public string State { get; private set; } = "";
    public bool IsUnderway => State is ImportRunState.Queued or ImportRunState.Running;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } run) return NotFound();
        Run = run;
        State = run.StateAt(clock.GetUtcNow().UtcDateTime);
        Report = ImportRunReport.FromJson(run.Report);
        meta.Title = words["Import #{0}", run.Id];
        meta.NoIndex = true;
        return Page();
    }

    public async Task<IActionResult> OnGetProgressAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } run) return NotFound();
        var state = run.StateAt(clock.GetUtcNow().UtcDateTime);
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(new
        {
            state,
            underway = state is ImportRunState.Queued or ImportRunState.Running,
            run.Done, run.Permille, perSecond = Math.Round(run.PerSecond),
            run.Imported, run.Updated, run.Unchanged, run.Skipped, run.Failed, run.Warnings, run.Redirects,
        });
    }

    private Task<ImportRun?> FindAsync(int id, CancellationToken ct) => db.ImportRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
}
