using Broadsheet.Features.Shared;
using Broadsheet.Features.Site;
using Broadsheet.Features.ViewCounting;
using Broadsheet.Infrastructure.Caching;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Articles;

[OutputCache(PolicyName = PageCache.Listing)]
public sealed class IndexModel(BroadsheetDb db, SiteContext site, PageMeta meta, MostRead mostRead, TimeProvider clock) : PageModel
{
    public List<Teaser> TopStories { get; private set; } = [];
    public List<Teaser> Latest { get; private set; } = [];
    public List<Teaser> MostReadToday { get; private set; } = [];
    public List<Teaser> MostReadWeek { get; private set; } = [];
    public List<RubricBlock> Blocks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var visible = db.Articles.AsNoTracking().VisibleAt(now);
        // Top stories are the day's: bounding the scan keeps the query cheap when few are marked.
        var since = now.AddDays(-3);
        TopStories = await visible.Where(a => a.Prominence > 0 && a.PublishedAt >= since)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Prominence)
            .Take(5).ToTeasers().ToListAsync(ct);
        var shown = TopStories.Select(t => t.Id).ToList();
        Latest = await visible.Where(a => !shown.Contains(a.Id)).Newest().Take(15).ToTeasers().ToListAsync(ct);
        var today = site.LocalDate(now);
        MostReadToday = await mostRead.SinceAsync(today, now, 5, ct);
        MostReadWeek = await mostRead.SinceAsync(today.AddDays(-6), now, 5, ct);

        var rubrics = await db.Rubrics.AsNoTracking().OrderBy(r => r.Position).ToListAsync(ct);
        foreach (var rubric in rubrics)
        {
            var items = await visible.Where(a => a.Rubrics.Any(r => r.RubricId == rubric.Id))
                .Newest().Take(4).ToTeasers().ToListAsync(ct);
            if (items.Count > 0) Blocks.Add(new RubricBlock(rubric, items));
        }
        meta.Title = null;
        meta.Description = site.Settings.Tagline;
        meta.CanonicalPath = "/";
    }
}

public sealed record RubricBlock(Rubric Rubric, List<Teaser> Teasers);
