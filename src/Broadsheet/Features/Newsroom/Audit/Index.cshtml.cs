using Broadsheet.Features.Site;
using Broadsheet.Features.Audit;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Audit;

/// <summary>The audit log, newest first, a page of entries at a time (keyset on the entry id).</summary>
public sealed class IndexModel(BroadsheetDb db, PageMeta meta, Language.NewsroomWords words) : PageModel
{
    public const int PageSize = 100;
    [BindProperty(SupportsGet = true)] public long? Before { get; set; }
    public List<AuditEntry> Entries { get; private set; } = [];
    public long? Next { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        meta.Title = words["Audit log"];
        meta.NoIndex = true;
        var query = db.AuditLog.AsNoTracking();
        if (Before is { } before) query = query.Where(e => e.Id < before);
        Entries = await query.OrderByDescending(e => e.Id).Take(PageSize + 1).ToListAsync(ct);
        if (Entries.Count > PageSize)
        {
            Entries.RemoveAt(PageSize);
            Next = Entries[^1].Id;
        }
    }
}
