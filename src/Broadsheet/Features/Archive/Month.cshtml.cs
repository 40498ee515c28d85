using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Caching;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Broadsheet.Features.Archive;

[OutputCache(PolicyName = PageCache.Listing)]
public sealed class MonthModel(BroadsheetDb db, ListingMemo memo, ArchiveCalendar calendar, SiteContext site, PageMeta meta, TimeProvider clock) : PageModel
{
    public ListingView View { get; private set; } = null!;
    public int Year { get; private set; }
    public int Month { get; private set; }

    public async Task<IActionResult> OnGetAsync(int year, int month, CancellationToken ct)
    {
        if (!ArchiveCalendar.IsValidMonth(year, month)) return NotFound();
        if (!ListingRequest.TryRead(this, out var request, out var error)) return error!;
        var now = clock.GetUtcNow().UtcDateTime;
        var (from, to) = calendar.MonthRange(year, month);
        var page = await db.Articles.VisibleAt(now).Where(a => a.PublishedAt >= from && a.PublishedAt < to).KeptPageAsync(memo, $"month:{year}-{month}", request, now, ct);
        (Year, Month) = (year, month);
        if (ListingView.Dated(meta, request, page, $"{site.Text.Archive}: {site.FormatMonth(year, month)}", $"/{year:D4}/{month:D2}") is not { } view) return NotFound();
        View = view;
        return Page();
    }
}
