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
        var page = await articles.KeptPageAsync(memo, $"rubric:{rubric.Id}", request, now, ct);
        if (ListingView.Section(meta, request, page, rubric.Name, rubric.Description, $"/rubric/{slug}") is not { } view) return NotFound();
        View = view;
        return Page();
    }
}
