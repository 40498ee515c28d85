using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Broadsheet.Infrastructure.Media;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Media;

/// <summary>
/// The media library: upload a picture with its caption and credit, and find it again to use as a cover.
/// The body limit is raised here only (the site's is 1 MB); a little over the file limit, for the
/// form around it, so a file just too big gets a message rather than a bare 413.
/// </summary>
[RequestSizeLimit(ImageIntake.MaxBytes + 512 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ImageIntake.MaxBytes + 512 * 1024)]
public sealed class IndexModel(BroadsheetDb db, ImageIntake intake, PageMeta meta, TimeProvider clock) : PageModel
{
    public const int Limit = 200;

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Caption { get; set; }
    [BindProperty] public string? Credit { get; set; }

    [TempData] public string? Notice { get; set; }
    public List<MediaItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await DescribeAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0) ModelState.AddModelError(nameof(Upload), "Choose a file to upload.");
        else if (Upload.Length > ImageIntake.MaxBytes)
            ModelState.AddModelError(nameof(Upload), $"The file is larger than {ImageIntake.MaxBytes / 1024 / 1024} MB.");
        if (Caption is { Length: > 1000 }) ModelState.AddModelError(nameof(Caption), "The caption is too long: at most 1000 characters.");
        if (Credit is { Length: > 300 }) ModelState.AddModelError(nameof(Credit), "The credit is too long: at most 300 characters.");
        if (!ModelState.IsValid)
        {
            await DescribeAsync(ct);
            return Page();
        }

        using var buffer = new MemoryStream((int)Upload!.Length);
        await Upload.CopyToAsync(buffer, ct);
        var result = await intake.AcceptAsync(buffer.ToArray(), ct);
        if (result.Error is { } error)
        {
            ModelState.AddModelError(nameof(Upload), error);
            await DescribeAsync(ct);
            return Page();
        }
        db.Media.Add(new MediaItem
        {
            Path = result.Path!, Format = result.Format, Width = result.Width, Height = result.Height, Bytes = Upload.Length,
            OriginalName = System.IO.Path.GetFileName(Upload.FileName) is { Length: <= 260 } name ? name : "",
            Caption = Caption?.Trim() ?? "", Credit = Credit?.Trim() ?? "",
            UploadedBy = User.Identity?.Name ?? "", UploadedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        Notice = result.Frames > 1
            ? $"Uploaded: {result.Width}×{result.Height} {result.Format}, an animation of {result.Frames} frames kept as a still of its first."
            : $"Uploaded: {result.Width}×{result.Height} {result.Format}.";
        return Redirect("/newsroom/media");
    }

    private async Task DescribeAsync(CancellationToken ct)
    {
        meta.Title = "Media library";
        meta.NoIndex = true;
        Items = await db.Media.AsNoTracking().OrderByDescending(m => m.UploadedAt).ThenByDescending(m => m.Id).Take(Limit).ToListAsync(ct);
    }
}
