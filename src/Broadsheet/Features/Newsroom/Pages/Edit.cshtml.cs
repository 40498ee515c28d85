using System.ComponentModel.DataAnnotations;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Audit;
using Broadsheet.Features.Pages;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Caching;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Pages;

/// <summary>
/// Writes a site page. Saving evicts every cached page, not only this one: the footer menu on each
/// of them may name it.
/// </summary>
public sealed class EditModel(BroadsheetDb db, SitePageAddress addresses, CacheEviction cache, AuditLog audit, TimeProvider clock,
    PageMeta meta, Language.NewsroomWords words) : PageModel
{
    [BindProperty] public SitePageForm Input { get; set; } = new();
    [TempData] public string? Notice { get; set; }
    public int? Id { get; private set; }

    /// <summary>The address the page has now, for the link to it; null until it is saved.</summary>
    public string? SavedSlug { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Describe(id);
        if (id is null) return Page();
        var page = await db.SitePages.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (page is null) return NotFound();
        SavedSlug = page.Slug;
        Input = new SitePageForm { Title = page.Title, Slug = page.Slug, Body = page.Body, MenuOrder = page.MenuOrder, InFooter = page.InFooter };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Describe(id);
        var page = id is { } existing ? await db.SitePages.FirstOrDefaultAsync(p => p.Id == existing, ct) : null;
        if (id is not null && page is null) return NotFound();
        SavedSlug = page?.Slug;

        var slug = string.IsNullOrWhiteSpace(Input.Slug) ? Slug.From(Input.Title ?? "") : Input.Slug.Trim().ToLowerInvariant();
        if (!SitePageAddress.IsWellFormed(slug))
            ModelState.AddModelError("Input.Slug", words["An address may hold only lower-case Latin letters, digits and hyphens, with at least one letter."]);
        else if (addresses.IsTaken(slug))
            ModelState.AddModelError("Input.Slug", words["The site already uses /{0} for something else; choose another address.", slug]);
        else if (await db.SitePages.AnyAsync(p => p.Slug == slug && p.Id != (id ?? 0), ct))
            ModelState.AddModelError("Input.Slug", words["Another page already has the address /{0}.", slug]);
        if (!ModelState.IsValid) return Page();

        if (page is null) db.SitePages.Add(page = new SitePage { Slug = slug, Title = "" });
        page.Slug = slug;
        page.Title = Input.Title!.Trim();
        page.Body = Input.Body?.Trim() ?? "";
        page.MenuOrder = Input.MenuOrder;
        page.InFooter = Input.InFooter;
        page.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(User, AuditAction.SettingsChange, details: $"page /{slug}");
        await db.SaveChangesAsync(ct);
        await cache.EvictAsync(ct, PageCache.SiteTag);
        Notice = words["Saved the page {0}.", page.Title];
        return Redirect($"/newsroom/pages/{page.Id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var page = await db.SitePages.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (page is null) return NotFound();
        db.SitePages.Remove(page);
        audit.Record(User, AuditAction.SettingsChange, details: $"page /{page.Slug} deleted");
        await db.SaveChangesAsync(ct);
        await cache.EvictAsync(ct, PageCache.SiteTag);
        Notice = words["Deleted the page {0}.", page.Title];
        return Redirect("/newsroom/pages");
    }

    private void Describe(int? id)
    {
        Id = id;
        meta.Title = id is null ? words["New page"] : words["Edit page"];
        meta.NoIndex = true;
    }
}

public sealed class SitePageForm
{
    [Required(ErrorMessage = "A page needs a title."), StringLength(200)] public string? Title { get; set; }
    [StringLength(SitePageAddress.MaxLength)] public string? Slug { get; set; }
    [StringLength(100_000)] public string? Body { get; set; }
    [Range(0, 9999, ErrorMessage = "The order is a number from 0 to 9999.")] public int MenuOrder { get; set; }
    public bool InFooter { get; set; }
}
