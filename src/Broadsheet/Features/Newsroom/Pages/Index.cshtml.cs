using Broadsheet.Features.Pages;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Pages;

/// <summary>The site's pages that are not news, in footer order.</summary>
public sealed class IndexModel(BroadsheetDb db, PageMeta meta, Language.NewsroomWords words) : PageModel
{
    public List<SitePage> Pages { get; private set; } = [];
    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        meta.Title = words["Site pages"];
        meta.NoIndex = true;
        Pages = await db.SitePages.AsNoTracking().OrderBy(p => p.MenuOrder).ThenBy(p => p.Title).ToListAsync(ct);
    }
}
