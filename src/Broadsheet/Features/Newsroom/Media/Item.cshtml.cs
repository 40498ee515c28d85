using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Broadsheet.Infrastructure.Media;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Media;

/// <summary>
/// One picture of the library: its caption, credit and alt text, edited in place, and the articles that
/// use it, as a cover or in the body (by any of its renditions). Articles already saved keep the words
/// they were saved with; the next save of each picks up the new alt text.
/// </summary>
public sealed class ItemModel(BroadsheetDb db, PageMeta meta, Language.NewsroomWords words) : PageModel
{
    public const int UsageLimit = 100;

    [BindProperty] public string? Caption { get; set; }
    [BindProperty] public string? Credit { get; set; }
    [BindProperty] public string? AltText { get; set; }

    [TempData] public string? Notice { get; set; }
    public MediaItem Item { get; private set; } = null!;
    public List<Use> Uses { get; private set; } = [];

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
        (item.Caption, item.Credit, item.AltText) = (Caption?.Trim() ?? "", Credit?.Trim() ?? "", AltText?.Trim() ?? "");
        await db.SaveChangesAsync(ct);
        Notice = words["Saved."];
        return Redirect($"/newsroom/media/{id}");
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
