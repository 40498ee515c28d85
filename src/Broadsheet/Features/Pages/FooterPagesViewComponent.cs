using Broadsheet.Infrastructure.Caching;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Pages;

/// <summary>The footer's menu of site pages; kept with the listings, so saving a page (which evicts the site) refreshes it.</summary>
public sealed class FooterPagesViewComponent(BroadsheetDb db, ListingMemo memo) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var pages = await memo.GetOrLoadAsync("footer-pages", "", () =>
            db.SitePages.AsNoTracking().Where(p => p.InFooter).OrderBy(p => p.MenuOrder).ThenBy(p => p.Title)
                .Select(p => new PageLink(p.Slug, p.Title)).ToListAsync());
        return View("/Features/Pages/_FooterPages.cshtml", pages);
    }
}

public sealed record PageLink(string Slug, string Title);
