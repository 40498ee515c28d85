using Broadsheet.Features.Site;
using Microsoft.AspNetCore.Mvc;

namespace Broadsheet.Features.Archive;

public sealed class ArchiveCalendarViewComponent(ArchiveCalendar calendar, SiteContext site, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int? year, int? month)
    {
        var today = site.LocalDate(clock.GetUtcNow().UtcDateTime);
        var y = year ?? today.Year;
        var m = month ?? today.Month;
        return View(await calendar.MonthAsync(y, m, HttpContext.RequestAborted));
    }
}
