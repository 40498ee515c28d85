using System.Security.Claims;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Articles.History;
using Broadsheet.Features.Audit;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Broadsheet.Infrastructure.Data.Faults;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Articles;

/// <summary>
/// Where an article is saved: checks the form, applies it and one workflow step, and hands the
/// change to <see cref="ArticleHistory"/>, which keeps the revision, correction and audit line with it
/// in one transaction and announces it.
/// A failed save leaves the database as it was and says why, field by field.
/// </summary>
public sealed class ArticleDesk(BroadsheetDb db, ArticleBody body, ArticleChanges changes, ArticleHistory history, AuditLog audit, SiteContext site, Staff.StaffProfiles profiles, TimeProvider clock,
    Workflow.WorkflowNotices notices)
{
    /// <summary>How far ahead an article may be scheduled; a year like 9999 is a typo, and has no UTC in most zones.</summary>
    public const int MaxScheduleYears = 5;

    public Task<Article?> LoadAsync(int id, CancellationToken ct) =>
        db.Articles.AsSplitQuery()
            .Include(a => a.Authors).ThenInclude(x => x.Author)
            .Include(a => a.Rubrics).ThenInclude(x => x.Rubric)
            .Include(a => a.Tags).ThenInclude(x => x.Tag)
            .FirstOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>Editors and admins edit anything; an author edits their own bylined pieces until they are scheduled or out.</summary>
    public async Task<bool> CanEditAsync(ClaimsPrincipal user, Article? article, CancellationToken ct)
    {
        if (IsEditor(user)) return true;
        if (!user.IsInRole(StaffRoles.Author)) return false;
        if (article is null) return true;
        if (article.Status is ArticleStatus.Scheduled or ArticleStatus.Published) return false;
        var accountId = AccountId(user);
        var authorIds = article.Authors.Select(a => a.AuthorId).ToList();
        return await db.Authors.AnyAsync(a => authorIds.Contains(a.Id) && a.AccountId == accountId, ct);
    }

    public static bool IsEditor(ClaimsPrincipal user) => user.IsInAny(StaffRoles.Editors);

    /// <param name="note">What an editor returning an article to draft tells its author.</param>
    public async Task<SaveOutcome> SaveAsync(int? id, ArticleForm form, ClaimsPrincipal user, EditorAction action, CancellationToken ct, string? note = null)
    {
        var outcome = new SaveOutcome();
        var now = clock.GetUtcNow().UtcDateTime;
        var article = id is { } existing ? await LoadAsync(existing, ct) : null;
        if (id is not null && article is null) return outcome.Missing();
        if (!await CanEditAsync(user, article, ct)) return outcome.Forbidden();
        if (action is EditorAction.Publish or EditorAction.Schedule or EditorAction.Unpublish && !IsEditor(user)) return outcome.Forbidden();

        if (article is not null && article.Version != form.Version)
            return outcome.Conflict(article.Version);

        if (!IsEditor(user)) form.Authors = [.. form.Authors, await OwnProfileAsync(user, ct)];
        await CheckAsync(form, article, action, now, outcome, ct);
        if (!outcome.Succeeded) return outcome;

        article ??= new Article { Title = "", Slug = "", CreatedAt = now, Language = site.Settings.Language };
        var wasPublished = article.Status == ArticleStatus.Published;
        var oldSlug = article.Slug;
        await ApplyAsync(article, form, outcome.Slug!, ct);

        try
        {
            TakeStep(article, action, form, now);
        }
        catch (WorkflowException e)
        {
            return Refused(e);
        }

        if (oldSlug.Length > 0 && oldSlug != article.Slug && article.PublishedAt is not null
            && article.Status is ArticleStatus.Published or ArticleStatus.Unpublished)
            db.ArticleSlugHistory.Add(new ArticleSlugHistory { ArticleId = article.Id, Slug = oldSlug });
        // An article renamed back to an old slug takes it out of its own history.
        var reclaimed = await db.ArticleSlugHistory.Where(h => h.Slug == article.Slug && h.ArticleId == article.Id).ToListAsync(ct);
        db.ArticleSlugHistory.RemoveRange(reclaimed);

        if (id is not null) db.Entry(article).Property(a => a.Version).OriginalValue = form.Version;
        var edit = new ArticleEdit(user)
        {
            Audit = action switch
            {
                EditorAction.Publish => AuditAction.Publish,
                EditorAction.Schedule => AuditAction.Schedule,
                EditorAction.Unpublish => AuditAction.Unpublish,
                EditorAction.Submit => AuditAction.Submit,
                EditorAction.ReturnToDraft => AuditAction.ReturnToDraft,
                EditorAction.Restore => AuditAction.Restore,
                _ => null,
            },
            Step = action switch
            {
                EditorAction.Publish => RevisionAction.Published,
                EditorAction.Schedule => RevisionAction.Scheduled,
                EditorAction.Unpublish => RevisionAction.Unpublished,
                EditorAction.Submit => RevisionAction.Submitted,
                EditorAction.ReturnToDraft => RevisionAction.Returned,
                EditorAction.Restore => RevisionAction.Restored,
                _ => null,
            },
            CorrectionNote = wasPublished && form.IsCorrection ? form.CorrectionNote : null,
            MarkUpdated = wasPublished && form.MarkUpdated,
            IsAutosave = action == EditorAction.Autosave,
            Alongside = async (saved, token) =>
            {
                await ChooseChannelsAsync(saved.Id, form.Channels, token);
                // Whatever was pending is now either published with this save or replaced by it.
                db.PendingEdits.RemoveRange(await db.PendingEdits.Where(p => p.ArticleId == saved.Id).ToListAsync(token));
            },
        };
        try
        {
            await history.RecordAsync(article, edit, ct);
        }
        catch (WorkflowException e)
        {
            return Refused(e);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Articles.AsNoTracking().Where(a => a.Id == article.Id).Select(a => a.Version).FirstOrDefaultAsync(ct);
            return outcome.Conflict(current);
        }
        catch (DbUpdateException e) when (DuplicateKey.IsViolation(e))
        {
            // The checks passed, so another save took the slug in the same moment; any other key is a real failure.
            db.ChangeTracker.Clear();
            if (await SlugTakenAsync(article.Slug, article.Id, ct)) return outcome.Error(nameof(ArticleForm.Slug), SlugTaken(article.Slug));
            throw;
        }

        var notice = action switch
        {
            EditorAction.Submit => Workflow.NotificationKind.Submitted,
            EditorAction.Publish => Workflow.NotificationKind.Published,
            EditorAction.Schedule => Workflow.NotificationKind.Scheduled,
            EditorAction.ReturnToDraft => Workflow.NotificationKind.Returned,
            _ => null,
        };
        if (notice is not null) await notices.StepTakenAsync(article, notice, user, note ?? "", ct);

        outcome.Article = article;
        return outcome;

        SaveOutcome Refused(WorkflowException e)
        {
            // Nothing of this save may reach the database, not even through a later SaveChanges in the same request.
            db.ChangeTracker.Clear();
            return outcome.Error(action == EditorAction.Schedule ? nameof(ArticleForm.ScheduleAt) : "", e.Message);
        }
    }

    /// <summary>
    /// Keeps an autosaved edit of a published article aside (see <see cref="PendingEdit"/>): checked like a
    /// save, but the article readers see is not touched. The outcome's article is the unchanged original.
    /// </summary>
    public async Task<SaveOutcome> KeepPendingAsync(int id, ArticleForm form, ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = new SaveOutcome();
        var article = await LoadAsync(id, ct);
        if (article is null) return outcome.Missing();
        if (!await CanEditAsync(user, article, ct)) return outcome.Forbidden();
        if (article.Version != form.Version) return outcome.Conflict(article.Version);
        await CheckAsync(form, article, EditorAction.Autosave, clock.GetUtcNow().UtcDateTime, outcome, ct);
        if (!outcome.Succeeded) return outcome;

        var pending = await db.PendingEdits.FirstOrDefaultAsync(p => p.ArticleId == id, ct);
        if (pending is null) db.PendingEdits.Add(pending = new PendingEdit { ArticleId = id });
        pending.Form = System.Text.Json.JsonSerializer.Serialize(form);
        pending.BaseVersion = article.Version;
        pending.AccountId = AccountId(user);
        pending.SavedBy = user.Identity?.Name ?? "";
        pending.SavedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        outcome.Article = article;
        return outcome;
    }

    /// <summary>The edit waiting for "Update", with the form it holds; null when there is none.</summary>
    public async Task<(PendingEdit Edit, ArticleForm Form)?> PendingAsync(int id, CancellationToken ct)
    {
        var pending = await db.PendingEdits.AsNoTracking().FirstOrDefaultAsync(p => p.ArticleId == id, ct);
        if (pending is null || System.Text.Json.JsonSerializer.Deserialize<ArticleForm>(pending.Form) is not { } form) return null;
        return (pending, form);
    }

    public async Task DiscardPendingAsync(int id, CancellationToken ct) =>
        await db.PendingEdits.Where(p => p.ArticleId == id).ExecuteDeleteAsync(ct);

    /// <summary>Which channels the article goes to; unknown channel ids are ignored, as a stale form may carry them.</summary>
    private async Task ChooseChannelsAsync(int articleId, List<int> wanted, CancellationToken ct)
    {
        var chosen = await db.Channels.Where(c => wanted.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        var links = await db.ArticleChannels.Where(x => x.ArticleId == articleId).ToListAsync(ct);
        db.RemoveRange(links.Where(x => !chosen.Contains(x.ChannelId)));
        foreach (var id in chosen.Where(id => !links.Any(x => x.ChannelId == id)))
            db.Add(new Channels.ArticleChannel { ArticleId = articleId, ChannelId = id });
    }

    /// <summary>Removes a piece that never went out or was taken down; a published one must be unpublished first.</summary>
    public async Task<SaveOutcome> DeleteAsync(int id, ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = new SaveOutcome();
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (article is null) return outcome.Missing();
        if (!IsEditor(user)) return outcome.Forbidden();
        if (article.Status == ArticleStatus.Published) return outcome.Error("", "Unpublish the article before deleting it.");
        db.Articles.Remove(article);
        audit.Record(user, AuditAction.Delete, article.Id, details: article.Title);
        await db.SaveChangesAsync(ct);
        await changes.AnnounceAsync(id, ct);
        return outcome;
    }

    private async Task CheckAsync(ArticleForm form, Article? article, EditorAction action, DateTime now, SaveOutcome outcome, CancellationToken ct)
    {
        var title = form.Title?.Trim() ?? "";
        if (title.Length == 0) outcome.Error(nameof(ArticleForm.Title), "The article needs a title.");
        if (title.Length > 300) outcome.Error(nameof(ArticleForm.Title), "The title is too long: at most 300 characters.");

        var slug = string.IsNullOrWhiteSpace(form.Slug) ? Slug.From(title) : form.Slug.Trim().ToLowerInvariant();
        if (slug.Length == 0 && title.Length > 0)
            outcome.Error(nameof(ArticleForm.Slug), "The title has no letters to make a slug from; type one.");
        else if (slug.Length > 0 && !Slug.IsWellFormed(slug))
            outcome.Error(nameof(ArticleForm.Slug), "A slug may hold only lower-case Latin letters, digits and hyphens.");
        else if (slug.Length > 0 && await SlugTakenAsync(slug, article?.Id ?? 0, ct))
            outcome.Error(nameof(ArticleForm.Slug), SlugTaken(slug));
        outcome.Slug = slug;

        var known = await db.Rubrics.Where(r => form.Rubrics.Contains(r.Slug)).Select(r => r.Slug).ToListAsync(ct);
        foreach (var unknown in form.Rubrics.Except(known))
            outcome.Error(nameof(ArticleForm.Rubrics), $"There is no rubric \"{unknown}\".");

        var knownAuthors = await db.Authors.Where(a => form.Authors.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        if (form.Authors.Except(knownAuthors).Any())
            outcome.Error(nameof(ArticleForm.Authors), "One of the chosen authors no longer exists.");

        foreach (var name in TagNames(form.Tags))
        {
            if (name.Length > 100) outcome.Error(nameof(ArticleForm.Tags), $"The tag \"{name[..20]}…\" is too long: at most 100 characters.");
            else if (Slug.From(name).Length == 0) outcome.Error(nameof(ArticleForm.Tags), $"The tag \"{name}\" has no letters or digits.");
        }

        if (form.CoverImage is { Length: > 0 } cover && !SitePath.IsLocal(cover))
            outcome.Error(nameof(ArticleForm.CoverImage), "The cover image must be a path on this site, such as /media/….");

        if (form.IsCorrection && string.IsNullOrWhiteSpace(form.CorrectionNote))
            outcome.Error(nameof(ArticleForm.CorrectionNote), "A correction needs a note that tells readers what was wrong.");
        if ((form.IsCorrection || form.MarkUpdated) && article?.Status != ArticleStatus.Published)
            outcome.Error(nameof(ArticleForm.IsCorrection), "Only an edit to a published article can be a correction or an update.");

        if (action == EditorAction.Schedule)
        {
            if (form.ScheduleAt is not { } local)
                outcome.Error(nameof(ArticleForm.ScheduleAt), "Choose when the article goes out.");
            else if (local < now.AddDays(-2) || local > now.AddYears(MaxScheduleYears))
                // Checked before converting: a time at the calendar's ends has no UTC in the site's zone.
                outcome.Error(nameof(ArticleForm.ScheduleAt), $"Choose a time between now and {MaxScheduleYears} years ahead.");
            else if (site.ToUtc(local) <= now)
                outcome.Error(nameof(ArticleForm.ScheduleAt), $"That time has already passed; it is now {site.FormatTime(now)}.");
        }
    }

    private async Task ApplyAsync(Article article, ArticleForm form, string slug, CancellationToken ct)
    {
        article.Title = form.Title.Trim();
        article.Slug = slug;
        article.Lead = form.Lead?.Trim() ?? "";
        article.Body = form.Body ?? "";
        var library = await Media.MediaItem.AltTextsAsync(db, article.Body, form.CoverImage, ct);
        article.BodyHtml = body.Render(article.Body, library, site);
        article.DatelineCity = NullIfBlank(form.Dateline);
        article.Kind = form.Kind;
        article.CommentsEnabled = form.CommentsEnabled;
        article.CoverImage = NullIfBlank(form.CoverImage);
        article.CoverCaption = NullIfBlank(form.CoverCaption);
        article.CoverAlt = article.CoverImage is { } cover && library.TryGetValue(cover, out var coverAlt) && coverAlt.Length > 0 ? coverAlt : null;

        var rubrics = await db.Rubrics.Where(r => form.Rubrics.Contains(r.Slug)).ToListAsync(ct);
        article.Rubrics.RemoveAll(x => !rubrics.Any(r => r.Id == x.RubricId));
        foreach (var r in rubrics.Where(r => !article.Rubrics.Any(x => x.RubricId == r.Id)))
            article.Rubrics.Add(new ArticleRubric { RubricId = r.Id, Rubric = r });

        var tags = await TagsAsync(TagNames(form.Tags), ct);
        article.Tags.RemoveAll(x => !tags.Any(t => t.Id == x.TagId && t.Id != 0));
        foreach (var t in tags.Where(t => t.Id == 0 || !article.Tags.Any(x => x.TagId == t.Id)))
            article.Tags.Add(new ArticleTag { Tag = t });

        var authorIds = form.Authors.Distinct().ToList();
        article.Authors.RemoveAll(x => !authorIds.Contains(x.AuthorId));
        for (var i = 0; i < authorIds.Count; i++)
        {
            var link = article.Authors.FirstOrDefault(x => x.AuthorId == authorIds[i]);
            if (link is null) article.Authors.Add(new ArticleAuthor { AuthorId = authorIds[i], Position = i });
            else link.Position = i;
        }
    }

    /// <summary>An author's own piece always carries their byline, or they could not open it again; the profile is made on first need.</summary>
    private async Task<int> OwnProfileAsync(ClaimsPrincipal user, CancellationToken ct) =>
        (await profiles.OwnAsync(AccountId(user), ct)).Id;

    private void TakeStep(Article article, EditorAction action, ArticleForm form, DateTime now)
    {
        switch (action)
        {
            case EditorAction.Submit: article.SubmitForReview(); break;
            case EditorAction.Schedule: article.Schedule(site.ToUtc(form.ScheduleAt!.Value), now); break;
            case EditorAction.Publish: article.Publish(now); break;
            case EditorAction.Unpublish: article.Unpublish(); break;
            case EditorAction.ReturnToDraft: article.ReturnToDraft(); break;
        }
    }

    private async Task<List<Tag>> TagsAsync(List<string> names, CancellationToken ct)
    {
        var bySlug = names.GroupBy(Slug.From).ToDictionary(g => g.Key, g => g.First());
        var slugs = bySlug.Keys.ToList();
        var existing = await db.Tags.Where(t => slugs.Contains(t.Slug)).ToListAsync(ct);
        var created = bySlug.Where(p => !existing.Any(t => t.Slug == p.Key)).Select(p => new Tag { Slug = p.Key, Name = p.Value });
        return [.. existing, .. created];
    }

    private static List<string> TagNames(string? typed) =>
        [.. (typed ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)];

    private async Task<bool> SlugTakenAsync(string slug, int articleId, CancellationToken ct) =>
        await db.Articles.AnyAsync(a => a.Slug == slug && a.Id != articleId, ct)
        || await db.ArticleSlugHistory.AnyAsync(h => h.Slug == slug && h.ArticleId != articleId, ct);

    private static string SlugTaken(string slug) => $"The slug \"{slug}\" is already used by another article; change it.";

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static string AccountId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
}
