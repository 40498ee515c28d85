using System.ComponentModel.DataAnnotations;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Newsroom.Articles;
using Broadsheet.Features.Newsroom.Language;
using Broadsheet.Features.Newsroom.Staff;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Caching;
using Broadsheet.Infrastructure.Data;
using Broadsheet.Infrastructure.Media;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom;

/// <summary>
/// Each staff member's own page: the newsroom's language for them, and for those who write, the byline
/// profile the public author page shows (name in both languages, bio, photo, links).
/// </summary>
[RequestSizeLimit(ImageIntake.MaxBytes + 512 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ImageIntake.MaxBytes + 512 * 1024)]
public sealed class ProfileModel(BroadsheetDb db, StaffProfiles profiles, ImageIntake intake, CacheEviction cache, SiteContext site,
    NewsroomWords words, PageMeta meta) : PageModel
{
    public const int MaxLinks = 5;

    [BindProperty] public ProfileForm Input { get; set; } = new();
    [BindProperty] public IFormFile? Photo { get; set; }
    [TempData] public string? Notice { get; set; }
    public bool Writes => User.IsInAny(StaffRoles.Writers);
    public Author? Byline { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var account = await AccountAsync(ct);
        if (account is null) return Challenge();
        Byline = await profiles.FindAsync(account.Id, ct);
        Input = new ProfileForm
        {
            Language = account.NewsroomLanguage ?? "",
            NameEn = Byline?.NameEn ?? (site.IsRussian ? null : Byline?.Name ?? account.DisplayName),
            NameRu = Byline?.NameRu ?? (site.IsRussian ? Byline?.Name ?? account.DisplayName : null),
            Bio = Byline?.Bio, Links = Byline?.Links,
        };
        Describe();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var account = await AccountAsync(ct);
        if (account is null) return Challenge();
        if (Input.Language is { Length: > 0 } language && !PersonalLanguage.Languages.Contains(language))
            ModelState.AddModelError("Input.Language", words["Choose one of the languages."]);
        // Someone who only chose a language gets no byline profile; one who filled any of it, or has one, does.
        var bylined = Writes && (await profiles.FindAsync(account.Id, ct) is not null || Photo is { Length: > 0 }
            || new[] { Input.NameEn, Input.NameRu, Input.Bio, Input.Links }.Any(f => Blank(f) is not null));
        if (bylined) Check();
        byte[]? upload = null;
        if (bylined && Photo is { Length: > 0 })
        {
            if (Photo.Length > ImageIntake.MaxBytes)
                ModelState.AddModelError(nameof(Photo), words["The file is larger than {0} MB.", ImageIntake.MaxBytes / 1024 / 1024]);
            else
            {
                using var buffer = new MemoryStream((int)Photo.Length);
                await Photo.CopyToAsync(buffer, ct);
                upload = buffer.ToArray();
            }
        }
        if (!ModelState.IsValid) return await AgainAsync(account.Id, ct);

        // The picture is checked and stored before anything else changes, so a refused file leaves the profile as it was.
        string? photoPath = null;
        if (upload is not null)
        {
            var result = await intake.AcceptAsync(upload, ct);
            if (result.Error is { } error)
            {
                ModelState.AddModelError(nameof(Photo), error);
                return await AgainAsync(account.Id, ct);
            }
            photoPath = result.Path;
        }

        account.NewsroomLanguage = Input.Language is { Length: > 0 } chosen ? chosen : null;
        if (bylined)
        {
            var byline = await profiles.OwnAsync(account.Id, ct);
            byline.NameEn = Blank(Input.NameEn);
            byline.NameRu = Blank(Input.NameRu);
            byline.Name = byline.NameIn(site.IsRussian);
            byline.Bio = Input.Bio?.Trim() ?? "";
            byline.Links = string.Join('\n', LinkLines());
            if (photoPath is not null) byline.Photo = photoPath;
            else if (Input.RemovePhoto) byline.Photo = null;
        }
        await db.SaveChangesAsync(ct);
        // The byline shows on article pages and teasers everywhere.
        if (bylined) await cache.EvictAsync(ct, PageCache.SiteTag);
        Notice = bylined ? words["Saved. Your author page shows the profile now."] : words["Saved."];
        return Redirect("/newsroom/profile");
    }

    private void Check()
    {
        if (Blank(Input.NameEn) is null && Blank(Input.NameRu) is null)
            ModelState.AddModelError("Input.NameEn", words["Give your name in at least one language."]);
        var lines = LinkLines();
        if (lines.Count > MaxLinks) ModelState.AddModelError("Input.Links", words["At most {0} links.", MaxLinks]);
        foreach (var line in lines)
            if (!Uri.TryCreate(line, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                ModelState.AddModelError("Input.Links", words["Not a web address: {0}", line]);
    }

    private List<string> LinkLines() =>
        [.. (Input.Links ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<IActionResult> AgainAsync(string accountId, CancellationToken ct)
    {
        Byline = await profiles.FindAsync(accountId, ct);
        Describe();
        return Page();
    }

    private Task<Account?> AccountAsync(CancellationToken ct)
    {
        var id = ArticleDesk.AccountId(User);
        return db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
    }

    private void Describe()
    {
        meta.Title = words["My profile"];
        meta.NoIndex = true;
    }
}

public sealed class ProfileForm
{
    [StringLength(2)] public string? Language { get; set; }
    [StringLength(150)] public string? NameEn { get; set; }
    [StringLength(150)] public string? NameRu { get; set; }
    [StringLength(4000)] public string? Bio { get; set; }
    [StringLength(2000)] public string? Links { get; set; }
    public bool RemovePhoto { get; set; }
}
