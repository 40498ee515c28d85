using System.Security.Claims;
using Broadsheet.Features.Audit;
using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Broadsheet.Features.Articles.History;

/// <summary>
/// The one way a change to an article is kept: the change itself, its revision (and, for an article
/// that has none yet, the words as they were before), the correction note, the audit line and the
/// "updated" mark are saved in one transaction; then the rest of the app hears of it (page cache,
/// search index, channels). The editor, restoring a revision and the typo fix come through here,
/// and so should an import.
/// </summary>
public sealed class ArticleHistory(BroadsheetDb db, AuditLog audit, ArticleChanges changes, TimeProvider clock)
{
    /// <summary>
    /// Saves the article as the caller left it (a new one, not yet tracked, is added). When this throws
    /// nothing is saved: a <see cref="WorkflowException"/> when a correction or an update is asked of
    /// an article that is not published, EF's exceptions when another save won a race.
    /// </summary>
    public async Task RecordAsync(Article article, ArticleEdit edit, CancellationToken ct)
    {
        if (edit.CorrectionNote is { } note && string.IsNullOrWhiteSpace(note))
            throw new ArgumentException("A correction needs a note that tells readers what was wrong.", nameof(edit));
        var now = clock.GetUtcNow().UtcDateTime;
        if (edit.CorrectionNote is not null || edit.MarkUpdated) article.MarkUpdated(now);
        var entry = db.Entry(article);
        var isNew = entry.State == EntityState.Detached;
        var baseline = isNew ? null : Baseline(entry);
        article.Version = Guid.NewGuid();

        // The WordPress import holds one transaction for a batch of articles, a savepoint each: the change joins it.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (isNew) db.Articles.Add(article);
        await db.SaveChangesAsync(ct);
        await KeepRevisionAsync(article, isNew, baseline, edit, now, ct);
        if (edit.CorrectionNote is { } correction)
        {
            db.Corrections.Add(new Correction { ArticleId = article.Id, Note = correction.Trim(), MadeAt = now });
            audit.Record(edit.By, AuditAction.Correct, article.Id, details: article.Title);
        }
        if (edit.Audit is { } action) audit.Record(edit.By, action, article.Id, details: edit.AuditDetails ?? article.Title);
        if (edit.Alongside is { } alongside) await alongside(article, ct);
        await db.SaveChangesAsync(ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        await changes.AnnounceAsync(article.Id, ct);
    }

    /// <summary>
    /// The words as they were loaded, before the caller changed them: what an article that never went
    /// through the newsroom (seeded, imported) keeps as its first revision, so the change can be compared and undone.
    /// </summary>
    private static Revision Baseline(EntityEntry<Article> entry) => new()
    {
        ArticleId = entry.Entity.Id,
        Title = entry.Property(a => a.Title).OriginalValue,
        Lead = entry.Property(a => a.Lead).OriginalValue,
        Body = entry.Property(a => a.Body).OriginalValue,
        SavedAt = entry.Property(a => a.UpdatedAt).OriginalValue
            ?? entry.Property(a => a.PublishedAt).OriginalValue
            ?? entry.Property(a => a.CreatedAt).OriginalValue,
    };

    private async Task KeepRevisionAsync(Article article, bool isNew, Revision? baseline, ArticleEdit edit, DateTime now, CancellationToken ct)
    {
        var accountId = edit.By.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var correction = edit.CorrectionNote is not null;
        var last = isNew ? null : await db.Revisions.Where(r => r.ArticleId == article.Id).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        if (last is null && baseline is not null)
        {
            db.Revisions.Add(baseline);
            last = baseline;
        }
        if (last is not null && last.Title == article.Title && last.Lead == article.Lead && last.Body == article.Body && !correction)
            return;
        // A run of autosaves by one person is one revision, so history holds what people meant to keep.
        var revision = edit.IsAutosave && last is { IsAutosave: true } && last.AccountId == accountId ? last : null;
        if (revision is null)
        {
            revision = new Revision { ArticleId = article.Id, Title = "" };
            db.Revisions.Add(revision);
        }
        Keep(revision, article, edit, now);
    }

    /// <summary>
    /// The revision a save leaves, written into <paramref name="revision"/>. Public for the one writer that adds
    /// new articles without the history's round trips (the WordPress import's archive, thousands a minute): its
    /// first revisions read as this method's.
    /// </summary>
    public static Revision Keep(Revision revision, Article article, ArticleEdit edit, DateTime now)
    {
        revision.ArticleId = article.Id;
        revision.Title = article.Title;
        revision.Lead = article.Lead;
        revision.Body = article.Body;
        revision.AccountId = edit.By.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        revision.SavedBy = edit.By.Identity?.Name ?? "";
        revision.SavedAt = now;
        revision.IsAutosave = edit.IsAutosave;
        revision.Action = edit.Step ?? (edit.IsAutosave ? RevisionAction.Autosaved : RevisionAction.Saved);
        revision.IsCorrection = edit.CorrectionNote is not null;
        return revision;
    }
}
