using System.Security.Claims;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Newsroom.Articles;
using Broadsheet.Features.Newsroom.Audit;
using Broadsheet.Features.Newsroom.Revisions;
using Broadsheet.Features.TypoReports;
using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.TypoReports;

/// <summary>
/// What an editor does with a typo report: applies it (the fix, its revision, the optional public
/// correction and the audit entry in one save, through <see cref="TypoFixes"/>' record hook) or dismisses it.
/// </summary>
public sealed class TypoDesk(BroadsheetDb db, TypoFixes fixes, AuditLog audit, TimeProvider clock)
{
    /// <summary>Null when there is no such open report (already fixed or dismissed, perhaps by another editor a moment ago).</summary>
    /// <param name="correctionNote">Null for a silent fix; otherwise the public note, for a published article only.</param>
    public async Task<TypoFixResult?> ApplyAsync(int reportId, ClaimsPrincipal user, string? correctionNote, CancellationToken ct)
    {
        var report = await db.TypoReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is not { Status: TypoReportStatus.Open }) return null;
        // The hook cannot query; whether the article has any history yet is asked beforehand.
        var hasHistory = await db.Revisions.AnyAsync(r => r.ArticleId == report.ArticleId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return await fixes.ApplyAsync(reportId, record: (article, fix) =>
        {
            var correction = correctionNote is { Length: > 0 } && article.Status == ArticleStatus.Published;
            if (!hasHistory) db.Revisions.Add(Baseline(article, fix));
            db.Revisions.Add(new Revision
            {
                ArticleId = article.Id, Title = article.Title, Lead = article.Lead, Body = article.Body,
                AccountId = ArticleDesk.AccountId(user), SavedBy = user.Identity?.Name ?? "", SavedAt = now, IsCorrection = correction,
            });
            if (correction)
            {
                db.Corrections.Add(new Correction { ArticleId = article.Id, Note = correctionNote!, MadeAt = now });
                audit.Record(user, AuditAction.Correct, article.Id, details: article.Title);
            }
            audit.Record(user, AuditAction.TypoFix, article.Id,
                details: $"Report {fix.ReportId} in the {fix.Field.ToString().ToLowerInvariant()}: \"{report.Fragment}\" → \"{report.Suggestion}\"");
        }, ct: ct);
    }

    public async Task<bool> DismissAsync(int reportId, ClaimsPrincipal user, CancellationToken ct)
    {
        var report = await db.TypoReports.FirstOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is not { Status: TypoReportStatus.Open or TypoReportStatus.Outdated }) return false;
        report.Status = TypoReportStatus.Dismissed;
        report.ResolvedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(user, AuditAction.TypoDismiss, report.ArticleId, details: $"Report {report.Id}: \"{report.Fragment}\"");
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>An article that never went through the newsroom keeps its words as they were, so the fix can be compared and undone.</summary>
    private static Revision Baseline(Article article, TypoFix fix) => new()
    {
        ArticleId = article.Id,
        Title = fix.Field == ArticleField.Title ? fix.OldText : article.Title,
        Lead = fix.Field == ArticleField.Lead ? fix.OldText : article.Lead,
        Body = fix.Field == ArticleField.Body ? fix.OldText : article.Body,
        SavedAt = article.UpdatedAt ?? article.PublishedAt ?? article.CreatedAt,
    };
}
