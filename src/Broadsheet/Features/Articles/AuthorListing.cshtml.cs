using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Caching;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Articles;

[OutputCache(PolicyName = PageCache.Listing)]
public sealed class AuthorListingModel(BroadsheetDb db, ListingMemo memo, PageMeta meta, TimeProvider clock) : PageModel
{
    public ListingView View { get; private set; } = null!;
    public Author? Author { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!Slug.IsWellFormed(slug)) return NotFound();
        if (!ListingRequest.TryRead(this, out var request, out var error)) return error!;
        var now = clock.GetUtcNow().UtcDateTime;
        var author = await db.Authors.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, ct);
        if (author is null) return NotFound();
        Author = author;
        var articles = db.Articles.AsNoTracking().VisibleAt(now).Where(a => a.Authors.Any(x => x.AuthorId == author.Id));
        var page = await articles.KeptPageAsync(memo, $"author:{author.Id}", request, now, ct);
        if (ListingView.Section(meta, request, page, author.Name, null, $"/author/{slug}") is not { } view) return NotFound();
        View = view;
        return Page();
    }
}
