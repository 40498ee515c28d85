using Broadsheet.Features.Comments;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Moderation;

/// <summary>
/// The question before a published comment comes down from the public page: the moderator's Remove there
/// is a link to this page, whose one real form does it. A page rather than a script's confirm(), so it works
/// without script and the moderator sees which comment they are about to take down.
/// </summary>
public sealed class RemoveModel(BroadsheetDb db, PageMeta meta, Language.NewsroomWords words) : PageModel
{
    public long Id { get; private set; }
    public string Text { get; private set; } = "";
    public string ArticleTitle { get; private set; } = "";
    public bool AlreadyRemoved { get; private set; }

    /// <summary>Where the answer (and Cancel) leads: the page the moderator came from, or the article's comments in the newsroom.</summary>
    public string Back { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, string? back, CancellationToken ct)
    {
        var comment = await db.Comments.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.Id, c.Text, c.Status, c.ArticleId }).FirstOrDefaultAsync(ct);
        if (comment is null) return NotFound();
        (Id, Text, AlreadyRemoved) = (comment.Id, comment.Text, comment.Status == CommentStatus.Deleted);
        ArticleTitle = await db.Articles.Where(a => a.Id == comment.ArticleId).Select(a => a.Title).FirstOrDefaultAsync(ct) ?? "";
        Back = back is { } local && SitePath.IsLocal(local) ? local : $"/newsroom/moderation/articles/{comment.ArticleId}";
        meta.Title = words["Remove this comment?"];
        meta.NoIndex = true;
        return Page();
    }
}
