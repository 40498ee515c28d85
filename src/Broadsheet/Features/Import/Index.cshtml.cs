using Broadsheet.Features.Audit;
using Broadsheet.Features.Newsroom.Language;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Import;

/// <summary>
/// /newsroom/import: an administrator uploads a WordPress export and, if they have it, a zip of its uploads, and
/// starts the import (or a dry run); the past runs are listed with their reports. The body is read by
/// <see cref="ImportForm"/> as it arrives, so the framework's form reading and its token check are off here,
/// and the body limit is raised for this page only (the site's is 1 MB).
/// </summary>
[IgnoreAntiforgeryToken]
[RequestSizeLimit(ImportForm.MaxBytes)]
public sealed class IndexModel(BroadsheetDb db, ImportDesk desk, AuditLog audit, IAntiforgery antiforgery, PageMeta meta, NewsroomWords words) : PageModel
{
    public const int Listed = 50;

    public ImportRun? Underway { get; private set; }
    public List<ImportRun> Runs { get; private set; } = [];
    public string? Problem { get; private set; }
    public bool DryRun { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await DescribeAsync(ct);

    // No parameters, not even a CancellationToken: binding any parameter would make MVC read the whole form first
    // (buffering the files, under the framework's 128 MB form limit), before ImportForm could stream it.
    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        // Refused before a byte is uploaded when a run is already going.
        if (await desk.UnderwayAsync(db, ct) is { } underway) return await RefuseAsync(underway, ct);

        var incoming = desk.NewIncomingFolder();
        var queued = false;
        try
        {
            ImportForm form;
            try { form = await ImportForm.ReadAsync(Request, antiforgery, incoming, words, ct); }
            catch (AntiforgeryValidationException) { return BadRequest(); }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                Problem = words["The files are larger than {0} GB together. Bring larger archives in with the import-wordpress command on the server.", ImportForm.MaxBytes >> 30];
                Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await DescribeAsync(ct);
                return Page();
            }
            DryRun = form.DryRun;
            if (form.Problem is { } problem)
            {
                Problem = problem;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                await DescribeAsync(ct);
                return Page();
            }
            var run = new ImportRun
            {
                StartedBy = User.Identity?.Name ?? "", ExportName = form.ExportName, UploadsName = form.UploadsName, DryRun = form.DryRun, Node = "",
            };
            audit.Record(User, AuditAction.ImportStart, details: form.DryRun
                ? $"WordPress export {form.ExportName} (dry run)"
                : $"WordPress export {form.ExportName}{(form.UploadsName.Length > 0 ? $" with uploads {form.UploadsName}" : "")}");
            queued = await desk.TryQueueAsync(db, run, incoming, ct);
            if (!queued) return await RefuseAsync(await desk.UnderwayAsync(db, ct), ct);
            return Redirect($"/newsroom/import/{run.Id}");
        }
        finally
        {
            if (!queued && Directory.Exists(incoming)) Directory.Delete(incoming, recursive: true);
        }
    }

    private async Task<IActionResult> RefuseAsync(ImportRun? underway, CancellationToken ct)
    {
        Problem = words["An import is already under way; it must end before another starts."];
        Response.StatusCode = StatusCodes.Status409Conflict;
        await DescribeAsync(ct);
        Underway ??= underway;
        return Page();
    }

    private async Task DescribeAsync(CancellationToken ct)
    {
        meta.Title = words["Import from WordPress"];
        meta.NoIndex = true;
        Underway = await desk.UnderwayAsync(db, ct);
        Runs = await db.ImportRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(Listed).ToListAsync(ct);
    }
}
