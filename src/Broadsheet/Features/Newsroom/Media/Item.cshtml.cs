using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Audit;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure;
using Broadsheet.Infrastructure.Data;
using Broadsheet.Infrastructure.Media;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Media;

/// <summary>
/// One picture of the library: its caption, credit and alt text, edited in place, and the articles that
/// use it, as a cover or in the body (by any of its renditions). Articles already saved keep the words
/// they were saved with; the next save of each picks up the new alt text. Every change is audited: a
/// credit is a photographer's right, and a picture that vanished from the library needs a name beside it.
/// </summary>
public sealed class ItemModel(BroadsheetDb db, PageMeta meta, Language.NewsroomWords words, AuditLog audit, BroadsheetOptions options, ILogger<ItemModel> log) : PageModel
{
    public const int UsageLimit = 100;

    [BindProperty] public string? Caption { get; set; }
    [BindProperty] public string? Credit { get; set; }
    [BindProperty] public string? AltText { get; set; }

    [TempData] public string? Notice { get; set; }
    public MediaItem Item { get; private set; } = null!;
    public List<Use> Uses { get; private set; } = [];

    /// <summary>Editors may delete a picture no article uses; one in use would leave a hole in a published page.</summary>
    public bool CanDelete => User.IsInAny(StaffRoles.Editors) && Uses.Count == 0;

    /// <param name="AsCover">True when the picture is the article's cover; it may be in the body too.</param>
    public sealed record Use(int ArticleId, string Title, ArticleStatus Status, bool AsCover, bool InBody);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await db.Media.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is not { } item) return NotFound();
        (Caption, Credit, AltText) = (item.Caption, item.Credit, item.AltText);
        await DescribeAsync(item, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await db.Media.FirstOrDefaultAsync(m => m.Id == id, ct) is not { } item) return NotFound();
        MediaDescription.Check(ModelState, words, Caption, Credit, AltText);
        if (!ModelState.IsValid)
        {
            await DescribeAsync(item, ct);
            return Page();
        }
        var before = (item.Caption, item.Credit, item.AltText);
        (item.Caption, item.Credit, item.AltText) = (Caption?.Trim() ?? "", Credit?.Trim() ?? "", AltText?.Trim() ?? "");
        if (before != (item.Caption, item.Credit, item.AltText))
            audit.Record(User, AuditAction.MediaEdit, details: Changes(item, before));
        await db.SaveChangesAsync(ct);
        Notice = words["Saved."];
        return Redirect($"/newsroom/media/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (await db.Media.FirstOrDefaultAsync(m => m.Id == id, ct) is not { } item) return NotFound();
        await DescribeAsync(item, ct);
        if (!CanDelete)
        {
            if (!User.IsInAny(StaffRoles.Editors)) return Forbid();
            ModelState.AddModelError("", words["The picture is in use; take it out of those articles first."]);
            (Caption, Credit, AltText) = (item.Caption, item.Credit, item.AltText);
            return Page();
        }
        db.Media.Remove(item);
        audit.Record(User, AuditAction.MediaDelete, details: $"{item.Path} · {item.OriginalName} · {item.Caption}");
        await db.SaveChangesAsync(ct);
        RemoveFiles(item.Path);
        Notice = words["Picture deleted."];
        return Redirect("/newsroom/media");
    }

    private static string Changes(MediaItem item, (string Caption, string Credit, string AltText) before)
    {
        var parts = new List<string> { item.Path };
        if (before.Caption != item.Caption) parts.Add($"caption: “{before.Caption}” → “{item.Caption}”");
        if (before.Credit != item.Credit) parts.Add($"credit: “{before.Credit}” → “{item.Credit}”");
        if (before.AltText != item.AltText) parts.Add($"alt: “{before.AltText}” → “{item.AltText}”");
        return string.Join(" · ", parts);
    }

    /// <summary>Every rendition (sizes and formats) shares the stem; the row is gone already, so a file left behind is only disk.</summary>
    private void RemoveFiles(string path)
    {
        if (!path.StartsWith("/media/", StringComparison.Ordinal) || path.Contains("..", StringComparison.Ordinal) || ResponsiveImage.Stem(path) is not { } stem) return;
        var folder = Path.GetDirectoryName(Path.Combine(options.MediaPath, stem["/media/".Length..]))!;
        var prefix = Path.GetFileName(stem);
        if (!Directory.Exists(folder)) return;
        foreach (var file in Directory.EnumerateFiles(folder, prefix + "*"))
        {
            try { System.IO.File.Delete(file); }
            catch (IOException e) { log.LogWarning(e, "Could not delete {File}", file); }
        }
    }

    private async Task DescribeAsync(MediaItem item, CancellationToken ct)
    {
        Item = item;
        meta.Title = words["Picture"];
        meta.NoIndex = true;
        // Every rendition's path starts with the stem, so a figure that names the 960-pixel one counts too.
        if (ResponsiveImage.Stem(item.Path) is not { } stem) stem = item.Path;
        Uses = await db.Articles.AsNoTracking()
            .Where(a => (a.CoverImage != null && a.CoverImage.StartsWith(stem)) || a.Body.Contains(stem))
            .OrderByDescending(a => a.Id).Take(UsageLimit)
            .Select(a => new Use(a.Id, a.Title, a.Status, a.CoverImage != null && a.CoverImage.StartsWith(stem), a.Body.Contains(stem)))
            .ToListAsync(ct);
    }
}
