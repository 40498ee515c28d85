using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Broadsheet.Infrastructure.Media;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Media;

/// <summary>
/// The media library: upload a picture with its caption, credit and alt text, and find it again by any of
/// them or its file name (each picture's own page edits them and lists where it is used).
/// The body limit is raised here only (the site's is 1 MB); a little over the file limit, for the
/// form around it, so a file just too big gets a message rather than a bare 413.
/// </summary>
[RequestSizeLimit(ImageIntake.MaxBytes + 512 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ImageIntake.MaxBytes + 512 * 1024)]
public sealed class IndexModel(BroadsheetDb db, ImageIntake intake, PageMeta meta, TimeProvider clock, Language.NewsroomWords words) : PageModel
{
    public const int Limit = 200;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Caption { get; set; }
    [BindProperty] public string? Credit { get; set; }
    [BindProperty] public string? AltText { get; set; }

    [TempData] public string? Notice { get; set; }
    public List<MediaItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await DescribeAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0) ModelState.AddModelError(nameof(Upload), words["Choose a file to upload."]);
        else if (Upload.Length > ImageIntake.MaxBytes)
            ModelState.AddModelError(nameof(Upload), words["The file is larger than {0} MB.", ImageIntake.MaxBytes / 1024 / 1024]);
        MediaDescription.Check(ModelState, words, Caption, Credit, AltText);
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
            Caption = Caption?.Trim() ?? "", Credit = Credit?.Trim() ?? "", AltText = AltText?.Trim() ?? "",
            UploadedBy = User.Identity?.Name ?? "", UploadedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        Notice = result.Frames > 1
            ? words["Uploaded: {0}×{1} {2}, an animation of {3} frames kept as a still of its first.", result.Width, result.Height, result.Format, result.Frames]
            : words["Uploaded: {0}×{1} {2}.", result.Width, result.Height, result.Format];
        return Redirect("/newsroom/media");
    }

    private async Task DescribeAsync(CancellationToken ct)
    {
        meta.Title = words["Media library"];
        meta.NoIndex = true;
        var items = db.Media.AsNoTracking();
        if (Q?.Trim() is { Length: > 0 and <= 200 } q)
        {
            var escaped = q.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
            var lower = "%" + escaped.ToLowerInvariant() + "%";
            // SQLite's LOWER() folds only ASCII, so a Cyrillic word is also tried as typed and capitalised,
            // which finds a caption's first word; PostgreSQL's folds every letter.
            var typed = "%" + escaped + "%";
            var capitalised = "%" + char.ToUpperInvariant(escaped[0]) + escaped[1..] + "%";
#pragma warning disable CA1304, CA1311 // runs as SQL LOWER(), where the .NET culture plays no part
            items = items.Where(m =>
                EF.Functions.Like(m.Caption.ToLower(), lower, "\\") || EF.Functions.Like(m.Credit.ToLower(), lower, "\\")
                || EF.Functions.Like(m.AltText.ToLower(), lower, "\\") || EF.Functions.Like(m.OriginalName.ToLower(), lower, "\\")
                || EF.Functions.Like(m.Caption, typed, "\\") || EF.Functions.Like(m.Caption, capitalised, "\\")
                || EF.Functions.Like(m.Credit, capitalised, "\\") || EF.Functions.Like(m.AltText, capitalised, "\\"));
#pragma warning restore CA1304, CA1311
        }
        Items = await items.OrderByDescending(m => m.UploadedAt).ThenByDescending(m => m.Id).Take(Limit).ToListAsync(ct);
    }
}
