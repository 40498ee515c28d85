using System.ComponentModel.DataAnnotations;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Caching;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Taxonomy;

/// <summary>The sections of the paper: their names, order and descriptions.</summary>
public sealed class RubricsModel(BroadsheetDb db, CacheEviction cache, PageMeta meta, Language.NewsroomWords words) : PageModel
{
    public List<Rubric> Rubrics { get; private set; } = [];
    [BindProperty] public RubricForm Input { get; set; } = new();
    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken ct)
    {
        var slug = string.IsNullOrWhiteSpace(Input.Slug) ? Slug.From(Input.Name ?? "") : Input.Slug.Trim().ToLowerInvariant();
        if (!Slug.IsWellFormed(slug)) ModelState.AddModelError("Input.Slug", words["A slug may hold only lower-case Latin letters, digits and hyphens."]);
        else if (await db.Rubrics.AnyAsync(r => r.Slug == slug && r.Id != (id ?? 0), ct)) ModelState.AddModelError("Input.Slug", words["Another rubric already uses \"{0}\".", slug]);
        if (!ModelState.IsValid) { await LoadAsync(ct); return Page(); }

        var rubric = id is { } existing ? await db.Rubrics.FirstOrDefaultAsync(r => r.Id == existing, ct) : null;
        if (id is not null && rubric is null) return NotFound();
        if (rubric is null) db.Rubrics.Add(rubric = new Rubric { Name = "", Slug = "" });
        rubric.Name = Input.Name!.Trim();
        rubric.Slug = slug;
        rubric.Description = Input.Description?.Trim() ?? "";
        rubric.Position = Input.Position;
        rubric.IsOpinion = Input.IsOpinion;
        await db.SaveChangesAsync(ct);
        // Rubrics are in every page's navigation.
        await cache.EvictAsync(ct, PageCache.SiteTag);
        Notice = words["Saved the rubric {0}.", rubric.Name];
        return Redirect("/newsroom/taxonomy/rubrics");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        meta.Title = words["Rubrics"];
        meta.NoIndex = true;
        Rubrics = await db.Rubrics.AsNoTracking().OrderBy(r => r.Position).ThenBy(r => r.Name).ToListAsync(ct);
    }
}

public sealed class RubricForm
{
    public const int MaxPosition = 9999;
    [Required(ErrorMessage = "A rubric needs a name."), StringLength(100)] public string? Name { get; set; }
    [StringLength(100)] public string? Slug { get; set; }
    [StringLength(1000)] public string? Description { get; set; }
    [Range(0, MaxPosition, ErrorMessage = "The order is a number from 0 to 9999.")] public int Position { get; set; }
    public bool IsOpinion { get; set; }
}
