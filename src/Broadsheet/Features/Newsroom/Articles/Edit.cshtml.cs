using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Articles;

public sealed class EditModel(ArticleDesk desk, BroadsheetDb db, ArticleBody body, SiteContext site, PageMeta meta, TimeProvider clock, Language.NewsroomWords words) : PageModel
{
    [BindProperty] public ArticleForm Input { get; set; } = new();
    [TempData] public string? Notice { get; set; }

    public int? Id { get; private set; }

    /// <summary>Written out by hand: with two routes to this page, generated links would prefer "new" and lose the id.</summary>
    public string Path => Id is null ? "/newsroom/articles/new" : $"/newsroom/articles/{Id}";
    public ArticleStatus Status { get; private set; } = ArticleStatus.Draft;
    public string? PublicUrl { get; private set; }
    public bool IsEditor => ArticleDesk.IsEditor(User);
    public bool Conflicted { get; private set; }
    public List<Rubric> AllRubrics { get; private set; } = [];
    public List<Author> AllAuthors { get; private set; } = [];
    public List<Channel> AllChannels { get; private set; } = [];

    /// <summary>Set when a published article has edits waiting for "Update"; the form shows them, readers do not.</summary>
    public PendingEdit? Pending { get; private set; }

    /// <summary>How many pictures the picker shows at once; search finds the rest.</summary>
    public const int PickerSize = 48;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var article = await desk.LoadAsync(existing, ct);
            if (article is null) return NotFound();
            if (!await desk.CanEditAsync(User, article, ct)) return Forbid();
            Input = ArticleForm.From(article, site.ToLocal);
            Input.Channels = await db.ArticleChannels.Where(x => x.ArticleId == existing).Select(x => x.ChannelId).ToListAsync(ct);
            if (article.Status == ArticleStatus.Published && await desk.PendingAsync(existing, ct) is var (edit, form))
            {
                Pending = edit;
                Input = form;
            }
        }
        await DescribeAsync(id, ct);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken ct) => SaveAsync(id, EditorAction.Save, words["Saved."], ct);
    public Task<IActionResult> OnPostSubmitAsync(int? id, CancellationToken ct) => SaveAsync(id, EditorAction.Submit, words["Saved and submitted for review."], ct);
    public Task<IActionResult> OnPostScheduleAsync(int? id, CancellationToken ct) => SaveAsync(id, EditorAction.Schedule, words["Saved and scheduled."], ct);
    public Task<IActionResult> OnPostPublishAsync(int? id, CancellationToken ct) => SaveAsync(id, EditorAction.Publish, words["Published."], ct);
    public Task<IActionResult> OnPostUnpublishAsync(int? id, CancellationToken ct) => SaveAsync(id, EditorAction.Unpublish, words["Unpublished: readers no longer see it."], ct);
    public Task<IActionResult> OnPostDraftAsync(int? id, CancellationToken ct) => SaveAsync(id, EditorAction.ReturnToDraft, words["Back to draft."], ct);

    public async Task<IActionResult> OnPostDeleteAsync(int? id, CancellationToken ct)
    {
        if (id is null) return NotFound();
        var outcome = await desk.DeleteAsync(id.Value, User, ct);
        if (outcome.IsMissing) return NotFound();
        if (outcome.IsForbidden) return Forbid();
        if (!outcome.Succeeded)
        {
            Notice = words[outcome.Errors[0].Message];
            return Redirect($"/newsroom/articles/{id}");
        }
        Notice = words["Deleted."];
        return Redirect("/newsroom");
    }

    /// <summary>Renders what readers would get, with the public page's renderer and markup, and saves nothing (the button for when scripts are off).</summary>
    public async Task<IActionResult> OnPostPreviewAsync(int? id, CancellationToken ct)
    {
        ModelState.Clear();
        await DescribeAsync(id, ct);
        return Page();
    }

    public ArticlePreview? Preview { get; private set; }

    /// <summary>The preview pane's contents as the text is typed: the same partial, posted the whole form, saving nothing.</summary>
    public async Task<IActionResult> OnPostPreviewFragmentAsync(int? id, CancellationToken ct) =>
        Partial("_ArticlePreview", await PreviewAsync(id, ct));

    private async Task<ArticlePreview> PreviewAsync(int? id, CancellationToken ct)
    {
        var enc = System.Text.Encodings.Web.HtmlEncoder.Default;
        var rubrics = await db.Rubrics.AsNoTracking().Where(r => Input.Rubrics.Contains(r.Slug)).OrderBy(r => r.Position).Select(r => r.Name).ToListAsync(ct);
        var byline = await db.Authors.AsNoTracking().Where(a => Input.Authors.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToListAsync(ct);
        var publishedAt = id is null ? null : await db.Articles.Where(a => a.Id == id && a.PublishedAt != null).Select(a => a.PublishedAt).FirstOrDefaultAsync(ct);
        var cover = Input.CoverImage is { Length: > 0 } c && SitePath.IsLocal(c) ? c : null;
        return new ArticlePreview(enc.Encode(Input.Title ?? ""), enc.Encode(Input.Lead?.Trim() ?? ""), cover,
            Input.CoverCaption is { Length: > 0 } caption ? enc.Encode(caption) : null, body.Render(Input.Body ?? "", site: site, preview: true))
        {
            Rubrics = rubrics,
            Byline = [.. Input.Authors.Distinct().Select(a => byline.FirstOrDefault(b => b.Id == a)?.Name).OfType<string>()],
            Dateline = Input.Dateline?.Trim(),
            Tags = [.. (Input.Tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)],
            At = publishedAt ?? clock.GetUtcNow().UtcDateTime,
        };
    }

    /// <summary>The picker: media library pictures whose caption, credit or file name holds the words searched for, newest first.</summary>
    public async Task<IActionResult> OnGetMediaAsync(string? q, CancellationToken ct)
    {
        var query = db.Media.AsNoTracking();
        foreach (var word in (q ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(5))
        {
            var pattern = "%" + word.ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            // Runs as SQL LOWER() (as the tag search does), where the .NET culture plays no part; SQLite's folds Latin letters only.
#pragma warning disable CA1304, CA1311
            query = query.Where(m => EF.Functions.Like(m.Caption.ToLower(), pattern, "\\")
                || EF.Functions.Like(m.Credit.ToLower(), pattern, "\\") || EF.Functions.Like(m.OriginalName.ToLower(), pattern, "\\"));
#pragma warning restore CA1304, CA1311
        }
        var items = await query.OrderByDescending(m => m.UploadedAt).ThenByDescending(m => m.Id).Take(PickerSize).ToListAsync(ct);
        return new JsonResult(items.Select(LibraryPicture.From));
    }

    /// <summary>Throws away the edits waiting for "Update"; the published article was never touched.</summary>
    public async Task<IActionResult> OnPostDiscardAsync(int? id, CancellationToken ct)
    {
        if (id is null) return NotFound();
        var article = await desk.LoadAsync(id.Value, ct);
        if (article is null) return NotFound();
        if (!await desk.CanEditAsync(User, article, ct)) return Forbid();
        await desk.DiscardPendingAsync(id.Value, ct);
        Notice = words["Unpublished changes discarded."];
        return Redirect($"/newsroom/articles/{id}");
    }

    /// <summary>
    /// The editor script posts here a moment after typing stops; it answers JSON, never a page. A new
    /// article becomes a draft on its first autosave (untitled if need be); a published one keeps the
    /// edit aside as a <see cref="PendingEdit"/> until "Update", so readers never see half-written text.
    /// </summary>
    public async Task<IActionResult> OnPostAutosaveAsync(int? id, CancellationToken ct)
    {
        var current = id is null ? null : await db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Status, a.Slug }).FirstOrDefaultAsync(ct);
        if (id is not null && current is null) return NotFound();
        if (string.IsNullOrWhiteSpace(Input.Title))
        {
            // A draft may start from its body; it needs a title and a slug of its own to be kept at all.
            ModelState.Remove($"{nameof(Input)}.{nameof(ArticleForm.Title)}");
            Input.Title = words["Untitled"];
            if (string.IsNullOrWhiteSpace(Input.Slug))
                Input.Slug = current?.Slug is { Length: > 0 } kept && current.Status != ArticleStatus.Published ? kept : "untitled-" + Guid.NewGuid().ToString("N")[..8];
        }
        if (!ModelState.IsValid)
            return BadRequest(new { message = words["Not autosaved: {0}", ModelState.Values.SelectMany(v => v.Errors).First().ErrorMessage] });

        var pending = current?.Status == ArticleStatus.Published;
        var outcome = pending
            ? await desk.KeepPendingAsync(id!.Value, Input, User, ct)
            : await desk.SaveAsync(id, Input, User, EditorAction.Autosave, ct);
        if (outcome.IsForbidden) return Forbid();
        if (outcome.ConflictingVersion is not null) return new ConflictObjectResult(new { message = words["Someone else saved this article meanwhile; save by hand to see both versions."] });
        if (!outcome.Succeeded) return BadRequest(new { message = words["Not autosaved: {0}", words[outcome.Errors[0].Message]] });
        var savedAt = site.FormatTime(clock.GetUtcNow().UtcDateTime);
        return new JsonResult(new
        {
            id = outcome.Article!.Id,
            version = outcome.Article.Version,
            path = $"/newsroom/articles/{outcome.Article.Id}",
            pending,
            message = pending ? words["Changes kept {0}; readers see them after Update.", savedAt] : words["Draft saved {0}", savedAt],
        });
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
                ModelState.AddModelError(field.Length == 0 ? "" : $"{nameof(Input)}.{field}", words[message]);
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
        if (Status == ArticleStatus.Published && Pending is null && id is { } published)
            Pending = (await desk.PendingAsync(published, ct))?.Edit;
        meta.Title = id is null ? words["New article"] : words["Editing: {0}", Input.Title];
        meta.NoIndex = true;
        Preview = await PreviewAsync(id, ct);
    }
}
