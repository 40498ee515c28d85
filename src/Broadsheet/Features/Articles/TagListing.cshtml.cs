using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Caching;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Articles;

[OutputCache(PolicyName = PageCache.Listing)]
public sealed class TagListingModel(BroadsheetDb db, ListingMemo memo, SiteContext site, PageMeta meta, TimeProvider clock) : PageModel
{
    public ListingView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!Slug.IsWellFormed(slug)) return NotFound();
        if (!ListingRequest.TryRead(this, out var request, out var error)) return error!;
        var now = clock.GetUtcNow().UtcDateTime;
        var tag = await db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, ct);
        if (tag is null)
        {
            // A renamed or merged tag's old address leads to the tag that took its place.
            var current = await db.TagSlugHistory.AsNoTracking().Where(h => h.Slug == slug)
                .Join(db.Tags, h => h.TagId, t => t.Id, (h, t) => t.Slug).FirstOrDefaultAsync(ct);
            return current is null ? NotFound() : RedirectPermanent($"/tag/{current}");
        }
        var articles = db.Articles.AsNoTracking().VisibleAt(now).Where(a => a.Tags.Any(t => t.TagId == tag.Id));
        var page = await articles.KeptPageAsync(memo, $"tag:{tag.Id}", request, now, ct);
        if (ListingView.Section(meta, request, page, $"{site.Text.TagTitle}: {tag.Name}", null, $"/tag/{slug}") is not { } view) return NotFound();
        View = view;
        return Page();
    }
}
