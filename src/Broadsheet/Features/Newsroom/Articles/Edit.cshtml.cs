using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Articles;

public sealed class EditModel(ArticleDesk desk, BroadsheetDb db, ArticleBody body, SiteContext site, PageMeta meta, TimeProvider clock,
    Language.NewsroomWords words) : PageModel
{
    [BindProperty] public ArticleForm Input { get; set; } = new();
    [TempData] public string? Notice { get; set; }

    public int? Id { get; private set; }

    /// <summary>Written out by hand: with two routes to this page, generated links would prefer "new" and lose the id.</summary>
    public string Path => Id is null ? "/newsroom/articles/new" : $"/newsroom/articles/{Id}";
    public ArticleStatus Status { get; private set; } = ArticleStatus.Draft;
    public string? PublicUrl { get; private set; }
    public string? PreviewHtml { get; private set; }
    public bool IsEditor => ArticleDesk.IsEditor(User);
    public bool Conflicted { get; private set; }
    public List<Rubric> AllRubrics { get; private set; } = [];
    public List<Author> AllAuthors { get; private set; } = [];
    public List<Channel> AllChannels { get; private set; } = [];

    /// <summary>The newest pictures of the media library, offered by the cover image field.</summary>
    public List<Media.MediaItem> Library { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var article = await desk.LoadAsync(existing, ct);
            if (article is null) return NotFound();
            if (!await desk.CanEditAsync(User, article, ct)) return Forbid();
            Input = ArticleForm.From(article, site.ToLocal);
            Input.Channels = await db.ArticleChannels.Where(x => x.ArticleId == existing).Select(x => x.ChannelId).ToListAsync(ct);
        }
        await DescribeAsync(id, ct);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken ct) => SaveAsync(id, EditorAction.Save, "Saved.", ct);
    public Task<IActionResult> OnPostSubmitAsync(int? id, CancellationToken ct) => SaveAsync(id, EditorAction.Submit, "Saved and submitted for review.", ct);
    public Task<IActionResult> OnPostScheduleAsync(int? id, CancellationToken ct) => SaveAsync(id, EditorAction.Schedule, "Saved and scheduled.", ct);
    public Task<IActionResult> OnPostPublishAsync(int? id, CancellationToken ct) => SaveAsync(id, EditorAction.Publish, "Published.", ct);
    public Task<IActionResult> OnPostUnpublishAsync(int? id, CancellationToken ct) => SaveAsync(id, EditorAction.Unpublish, "Unpublished: readers no longer see it.", ct);
    public Task<IActionResult> OnPostDraftAsync(int? id, CancellationToken ct) => SaveAsync(id, EditorAction.ReturnToDraft, "Back to draft.", ct);

    public async Task<IActionResult> OnPostDeleteAsync(int? id, CancellationToken ct)
    {
        if (id is null) return NotFound();
        var outcome = await desk.DeleteAsync(id.Value, User, ct);
        if (outcome.IsMissing) return NotFound();
        if (outcome.IsForbidden) return Forbid();
        if (!outcome.Succeeded)
        {
            Notice = outcome.Errors[0].Message;
            return Redirect($"/newsroom/articles/{id}");
        }
        Notice = "Deleted.";
        return Redirect("/newsroom");
    }

    /// <summary>Renders what readers would get, with the public page's renderer and markup, and saves nothing.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(int? id, CancellationToken ct)
    {
        ModelState.Clear();
        PreviewHtml = body.Render(Input.Body ?? "");
        await DescribeAsync(id, ct);
        return Page();
    }

    /// <summary>The editor script posts here every ~20 s while a draft changes; it answers JSON, never a page.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(int? id, CancellationToken ct)
    {
        if (id is null) return BadRequest(new { message = "Save the draft once by hand; autosave starts after that." });
        if (!ModelState.IsValid)
            return BadRequest(new { message = "Not autosaved: " + ModelState.Values.SelectMany(v => v.Errors).First().ErrorMessage });
        var status = await db.Articles.Where(a => a.Id == id).Select(a => (ArticleStatus?)a.Status).FirstOrDefaultAsync(ct);
        if (status is null) return NotFound();
        if (status != ArticleStatus.Draft) return new ConflictObjectResult(new { message = "Only drafts autosave; save this article by hand." });
        var outcome = await desk.SaveAsync(id, Input, User, EditorAction.Autosave, ct);
        if (outcome.IsForbidden) return Forbid();
        if (outcome.ConflictingVersion is not null) return new ConflictObjectResult(new { message = outcome.Errors[0].Message });
        if (!outcome.Succeeded) return BadRequest(new { message = "Not autosaved: " + outcome.Errors[0].Message });
        return new JsonResult(new { version = outcome.Article!.Version, savedAt = site.FormatTime(clock.GetUtcNow().UtcDateTime) });
    }

    private async Task<IActionResult> SaveAsync(int? id, EditorAction action, string done, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var outcome = await desk.SaveAsync(id, Input, User, action, ct);
            if (outcome.IsMissing) return NotFound();
            if (outcome.IsForbidden) return Forbid();
            if (outcome.Succeeded)
            {
                // The scheduled time is said in the site's zone, as the form took it.
                Notice = action == EditorAction.Schedule && outcome.Article!.PublishedAt is { } at
                    ? words["Saved and scheduled for {0}.", site.FormatTime(at)]
                    : words[done];
                return Redirect($"/newsroom/articles/{outcome.Article!.Id}");
            }
            foreach (var (field, message) in outcome.Errors)
                ModelState.AddModelError(field.Length == 0 ? "" : $"{nameof(Input)}.{field}", message);
            if (outcome.ConflictingVersion is { } current)
            {
                // They have been told; a second save is their informed choice, not a silent overwrite.
                Conflicted = true;
                ModelState.Remove($"{nameof(Input)}.{nameof(ArticleForm.Version)}");
                Input.Version = current;
            }
        }
        await DescribeAsync(id, ct);
        return Page();
    }

    private async Task DescribeAsync(int? id, CancellationToken ct)
    {
        Id = id;
        AllRubrics = await db.Rubrics.AsNoTracking().OrderBy(r => r.Position).ThenBy(r => r.Name).ToListAsync(ct);
        AllAuthors = await db.Authors.AsNoTracking().OrderBy(a => a.Name).ToListAsync(ct);
        AllChannels = await db.Channels.AsNoTracking().OrderBy(c => c.Position).ToListAsync(ct);
        Library = await db.Media.AsNoTracking().OrderByDescending(m => m.UploadedAt).Take(100).ToListAsync(ct);
        if (id is { } existing)
        {
            var state = await db.Articles.AsNoTracking().Where(a => a.Id == existing)
                .Select(a => new { a.Status, a.PublishedAt, a.Slug }).FirstOrDefaultAsync(ct);
            if (state is not null)
            {
                Status = state.Status;
                if (state.Status == ArticleStatus.Published && state.PublishedAt is { } at) PublicUrl = ArticleUrl.For(site, at, state.Slug);
            }
        }
        meta.Title = id is null ? "New article" : $"Editing: {Input.Title}";
        meta.NoIndex = true;
    }
}
