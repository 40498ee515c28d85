using System.ComponentModel.DataAnnotations;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Caching;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Taxonomy;

/// <summary>Byline profiles: name, bio, photo, and the staff account (if any) that writes under the name.</summary>
public sealed class AuthorsModel(BroadsheetDb db, CacheEviction cache, SiteContext site, PageMeta meta, Language.NewsroomWords words) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public AuthorForm Input { get; set; } = new();
    [TempData] public string? Notice { get; set; }
    public List<Author> Authors { get; private set; } = [];
    public List<(string Id, string Email)> Accounts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var a = await db.Authors.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (a is null) return NotFound();
            Input = new AuthorForm { Name = a.Name, Slug = a.Slug, Bio = a.Bio, Photo = a.Photo, AccountId = a.AccountId };
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var slug = string.IsNullOrWhiteSpace(Input.Slug) ? Slug.From(Input.Name ?? "") : Input.Slug.Trim().ToLowerInvariant();
        if (!Slug.IsWellFormed(slug)) ModelState.AddModelError("Input.Slug", words["A slug may hold only lower-case Latin letters, digits and hyphens."]);
        else if (await db.Authors.AnyAsync(a => a.Slug == slug && a.Id != (Id ?? 0), ct)) ModelState.AddModelError("Input.Slug", words["Another author already uses \"{0}\".", slug]);
        if (Input.Photo is { Length: > 0 } photo && !SitePath.IsLocal(photo))
            ModelState.AddModelError("Input.Photo", words["The photo must be a path on this site, such as /media/…."]);
        var accountId = string.IsNullOrEmpty(Input.AccountId) ? null : Input.AccountId;
        if (accountId is not null && !await db.Users.AnyAsync(u => u.Id == accountId, ct))
            ModelState.AddModelError("Input.AccountId", words["There is no such account."]);
        else if (accountId is not null && await db.Authors.AnyAsync(a => a.AccountId == accountId && a.Id != (Id ?? 0), ct))
            ModelState.AddModelError("Input.AccountId", words["That account already writes under another profile."]);
        if (!ModelState.IsValid) { await LoadAsync(ct); return Page(); }

        var author = Id is { } id ? await db.Authors.FirstOrDefaultAsync(a => a.Id == id, ct) : null;
        if (Id is not null && author is null) return NotFound();
        if (author is null) db.Authors.Add(author = new Author { Name = "", Slug = "" });
        author.Name = Input.Name!.Trim();
        // The name an editor types is the byline in the site's language; the profile's own copy follows it.
        if (site.IsRussian) author.NameRu = author.Name; else author.NameEn = author.Name;
        author.Slug = slug;
        author.Bio = Input.Bio?.Trim() ?? "";
        author.Photo = string.IsNullOrWhiteSpace(Input.Photo) ? null : Input.Photo.Trim();
        author.AccountId = accountId;
        await db.SaveChangesAsync(ct);
        // Bylines show on article pages and teasers everywhere.
        await cache.EvictAsync(ct, PageCache.SiteTag);
        Notice = words["Saved {0}.", author.Name];
        return Redirect("/newsroom/taxonomy/authors");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        meta.Title = words["Authors"];
        meta.NoIndex = true;
        Authors = await db.Authors.AsNoTracking().OrderBy(a => a.Name).ToListAsync(ct);
        var staffRoleIds = await db.Roles.Where(r => StaffRoles.Staff.Contains(r.Name!)).Select(r => r.Id).ToListAsync(ct);
        Accounts = [.. (await db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && staffRoleIds.Contains(ur.RoleId)))
            .OrderBy(u => u.Email).Select(u => new { u.Id, u.Email }).ToListAsync(ct)).Select(u => (u.Id, u.Email ?? ""))];
    }
}

public sealed class AuthorForm
{
    [Required(ErrorMessage = "An author needs a name."), StringLength(150)] public string? Name { get; set; }
    [StringLength(100)] public string? Slug { get; set; }
    [StringLength(4000)] public string? Bio { get; set; }
    [StringLength(300)] public string? Photo { get; set; }
    public string? AccountId { get; set; }
}
