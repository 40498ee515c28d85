using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Caching;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Articles;

[OutputCache(PolicyName = PageCache.Listing)]
public sealed class IndexModel(BroadsheetDb db, SiteContext site, PageMeta meta, ListingMemo memo, TimeProvider clock) : PageModel
{
    public List<Teaser> TopStories { get; private set; } = [];
    public List<Teaser> Latest { get; private set; } = [];
    public List<RubricBlock> Blocks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Kept for the minute (what is visible depends on the time) or until the next publication.
        var front = await memo.GetOrLoadAsync("front-page", $"{now.Ticks / TimeSpan.TicksPerMinute}", () => LoadAsync(now, ct));
        (TopStories, Latest, Blocks) = (front.TopStories, front.Latest, front.Blocks);
        meta.Title = null;
        meta.Description = site.Settings.Tagline;
        meta.CanonicalPath = "/";
    }

    private async Task<FrontPage> LoadAsync(DateTime now, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var visible = db.Articles.AsNoTracking().VisibleAt(now);
        // Top stories are the day's: bounding the scan keeps the query cheap when few are marked.
        var since = now.AddDays(-3);
        var top = await visible.Where(a => a.Prominence > 0 && a.PublishedAt >= since)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Prominence)
            .Take(5).ToTeasers().ToListAsync(ct);
        var shown = top.Select(t => t.Id).ToList();
        var latest = await visible.Where(a => !shown.Contains(a.Id)).Newest().Take(15).ToTeasers().ToListAsync(ct);

        var blocks = new List<RubricBlock>();
        var rubrics = await db.Rubrics.AsNoTracking().OrderBy(r => r.Position).ToListAsync(ct);
        foreach (var rubric in rubrics)
        {
            var items = await visible.Where(a => a.Rubrics.Any(r => r.RubricId == rubric.Id))
                .Newest().Take(4).ToTeasers().ToListAsync(ct);
            if (items.Count > 0) blocks.Add(new RubricBlock(rubric, items));
        }
        return new FrontPage(top, latest, blocks);
    }
}

/// <summary>What the home page shows the same to every reader, apart from "most read" (ViewCounting's, with its own memo).</summary>
public sealed record FrontPage(List<Teaser> TopStories, List<Teaser> Latest, List<RubricBlock> Blocks);

public sealed record RubricBlock(Rubric Rubric, List<Teaser> Teasers);
