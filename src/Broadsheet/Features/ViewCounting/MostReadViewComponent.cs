using Broadsheet.Features.Site;
using Microsoft.AspNetCore.Mvc;

namespace Broadsheet.Features.ViewCounting;

/// <summary>"Most read" today and this week, in the site's calendar; the home page asks for it by name.</summary>
public sealed class MostReadViewComponent(MostRead mostRead, SiteContext site, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = site.LocalDate(now);
        return View("/Features/ViewCounting/_MostRead.cshtml", await mostRead.TodayAndWeekAsync(today, now, 5, HttpContext.RequestAborted));
    }
}
