using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Caching;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Articles;

[OutputCache(PolicyName = PageCache.Listing)]
public sealed class RubricListingModel(BroadsheetDb db, ListingMemo memo, PageMeta meta, TimeProvider clock) : PageModel
{
    public ListingView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!Slug.IsWellFormed(slug)) return NotFound();
        if (!ListingRequest.TryRead(this, out var request, out var error)) return error!;
        var now = clock.GetUtcNow().UtcDateTime;
        var rubric = await db.Rubrics.AsNoTracking().FirstOrDefaultAsync(r => r.Slug == slug, ct);
        if (rubric is null) return NotFound();
        var articles = db.Articles.AsNoTracking().VisibleAt(now).Where(a => a.Rubrics.Any(r => r.RubricId == rubric.Id));
        var heading = rubric.Name;
        var description = rubric.Description;
        var page = await articles.KeptPageAsync(memo, $"rubric:{rubric.Id}", request, now, ct);
        if (page.Items.Count == 0 && (request.Before is not null || request.After is not null)) return NotFound();
        View = new ListingView(heading, description, page, $"/rubric/{slug}/feed");
        meta.Title = heading;
        meta.Description = description;
        meta.CanonicalPath = request.Before is null && request.After is null ? $"/rubric/{slug}" : null;
        meta.NoIndex = request.After is not null;
        meta.FeedPath = View.FeedPath;
        meta.FeedTitle = heading;
        return Page();
    }
}
