using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Caching;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Broadsheet.Features.Archive;

[OutputCache(PolicyName = PageCache.Listing)]
public sealed class DayModel(BroadsheetDb db, ListingMemo memo, ArchiveCalendar calendar, SiteContext site, PageMeta meta, TimeProvider clock) : PageModel
{
    public ListingView View { get; private set; } = null!;
    public DateOnly Date { get; private set; }

    public async Task<IActionResult> OnGetAsync(int year, int month, int day, CancellationToken ct)
    {
        if (!ArchiveCalendar.IsValidMonth(year, month) || day < 1 || day > DateTime.DaysInMonth(year, month)) return NotFound();
        if (!ListingRequest.TryRead(this, out var request, out var error)) return error!;
        var now = clock.GetUtcNow().UtcDateTime;
        Date = new DateOnly(year, month, day);
        var (from, to) = calendar.DayRange(Date);
        var page = await db.Articles.VisibleAt(now).Where(a => a.PublishedAt >= from && a.PublishedAt < to).KeptPageAsync(memo, $"day:{year}-{month}-{day}", request, now, ct);
        if (ListingView.Dated(meta, request, page, $"{site.Text.Archive}: {site.FormatDate(Date)}", $"/{year:D4}/{month:D2}/{day:D2}") is not { } view) return NotFound();
        View = view;
        return Page();
    }
}
