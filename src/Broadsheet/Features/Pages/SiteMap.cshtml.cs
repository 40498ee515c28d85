using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Caching;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Pages;

/// <summary>The site map for people (/sitemap.xml is the one for machines): sections, site pages, every month of the archive.</summary>
[OutputCache(PolicyName = PageCache.Listing)]
public sealed class SiteMapModel(BroadsheetDb db, SiteContext site, PageMeta meta, TimeProvider clock) : PageModel
{
    public List<Rubric> Rubrics { get; private set; } = [];
    public List<PageLink> Pages { get; private set; } = [];

    /// <summary>Newest first, from this month back to the month of the first article.</summary>
    public List<(int Year, int Month)> Months { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        meta.Title = site.Text.Pages.SiteMap;
        meta.CanonicalPath = "/sitemap";
        Rubrics = await db.Rubrics.AsNoTracking().OrderBy(r => r.Position).ThenBy(r => r.Name).ToListAsync(ct);
        Pages = await db.SitePages.AsNoTracking().OrderBy(p => p.MenuOrder).ThenBy(p => p.Title)
            .Select(p => new PageLink(p.Slug, p.Title)).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var visible = db.Articles.AsNoTracking().VisibleAt(now);
        if (await visible.MinAsync(a => a.PublishedAt, ct) is not { } first) return;
        var newest = await visible.MaxAsync(a => a.PublishedAt, ct) ?? first;
        var from = site.LocalDate(first);
        for (var d = site.LocalDate(newest); d.Year * 12 + d.Month >= from.Year * 12 + from.Month; d = d.AddMonths(-1))
            Months.Add((d.Year, d.Month));
    }
}
