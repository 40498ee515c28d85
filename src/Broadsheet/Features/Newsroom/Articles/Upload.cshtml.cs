using Broadsheet.Features.Newsroom.Media;
using Broadsheet.Infrastructure.Data;
using Broadsheet.Infrastructure.Media;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Features.Newsroom.Articles;

/// <summary>
/// A picture pasted or dropped into the editor: the media library's intake and limits, answered as
/// JSON with the figure to insert. Its own page so the raised body limit covers this post alone.
/// </summary>
[RequestSizeLimit(ImageIntake.MaxBytes + 512 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ImageIntake.MaxBytes + 512 * 1024)]
public sealed class UploadModel(BroadsheetDb db, ImageIntake intake, TimeProvider clock, Language.NewsroomWords words) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return BadRequest(new { message = words["Choose a file to upload."] });
        if (file.Length > ImageIntake.MaxBytes)
            return BadRequest(new { message = words["The file is larger than {0} MB.", ImageIntake.MaxBytes / 1024 / 1024] });
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        var result = await intake.AcceptAsync(buffer.ToArray(), ct);
        if (result.Error is { } error) return BadRequest(new { message = error });
        var item = new MediaItem
        {
            Path = result.Path!, Format = result.Format, Width = result.Width, Height = result.Height, Bytes = file.Length,
            OriginalName = Path.GetFileName(file.FileName) is { Length: <= 260 } name ? name : "",
            UploadedBy = User.Identity?.Name ?? "", UploadedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Media.Add(item);
        await db.SaveChangesAsync(ct);
        return new JsonResult(LibraryPicture.From(item));
    }
}
