using Broadsheet.Features.Articles;
using Broadsheet.Infrastructure.Caching;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Shared;

/// <summary>The newest headlines beside an article on a wide screen; the article itself is left out.</summary>
public sealed class LatestNewsViewComponent(BroadsheetDb db, ListingMemo memo, TimeProvider clock) : ViewComponent
{
    private const int Shown = 6;

    public async Task<IViewComponentResult> InvokeAsync(int except)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // One list for every article page, kept for the minute, like the front page's feed.
        var latest = await memo.GetOrLoadAsync("latest-beside-articles", $"{now.Ticks / TimeSpan.TicksPerMinute}", () =>
            db.Articles.AsNoTracking().VisibleAt(now).Newest().Take(Shown + 1).ToTeasers().ToListAsync());
        return View(latest.Where(t => t.Id != except).Take(Shown).ToList());
    }
}
