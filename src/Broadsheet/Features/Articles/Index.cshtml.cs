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
        return await new FrontPageSelection(db).LoadAsync(now, ct);
    }
}
