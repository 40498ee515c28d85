using System.Security.Claims;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Articles.History;
using Broadsheet.Features.Audit;
using Broadsheet.Features.TypoReports;
using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.TypoReports;

/// <summary>
/// What an editor does with a typo report: applies it (the fix located and applied by <see cref="TypoFixes"/>,
/// then kept by <see cref="ArticleHistory"/> with its revision, the optional public correction and the
/// audit entry, in one transaction) or dismisses it.
/// </summary>
public sealed class TypoDesk(BroadsheetDb db, TypoFixes fixes, ArticleHistory history, AuditLog audit, TimeProvider clock)
{
    /// <summary>Null when there is no such open report (already fixed or dismissed, perhaps by another editor a moment ago).</summary>
    /// <param name="correctionNote">Null for a silent fix; otherwise the public note, for a published article only.</param>
    public async Task<TypoFix?> ApplyAsync(int reportId, ClaimsPrincipal user, string? correctionNote, CancellationToken ct)
    {
        var report = await db.TypoReports.FirstOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is not { Status: TypoReportStatus.Open }) return null;
        var article = await db.Articles.FirstAsync(a => a.Id == report.ArticleId, ct);
        var fix = fixes.Locate(article, report);
        if (fix.Outcome == TypoFixOutcome.Outdated)
        {
            report.Status = TypoReportStatus.Outdated;
            await db.SaveChangesAsync(ct);
        }
        if (fix.Outcome != TypoFixOutcome.Replaced) return fix;

        var now = clock.GetUtcNow().UtcDateTime;
        fixes.Apply(article, fix);
        report.Status = TypoReportStatus.Fixed;
        report.ResolvedAt = now;
        await history.RecordAsync(article, new ArticleEdit(user)
        {
            Audit = AuditAction.TypoFix,
            Step = RevisionAction.TypoFix,
            AuditDetails = $"Report {report.Id} in the {fix.Field.ToString().ToLowerInvariant()}: \"{report.Fragment}\" → \"{report.Suggestion}\"",
            CorrectionNote = correctionNote is { Length: > 0 } && article.Status == ArticleStatus.Published ? correctionNote : null,
            // Readers are told a published article was updated; a draft's edits are nobody's business yet.
            MarkUpdated = article.IsVisibleAt(now),
        }, ct);
        return fix;
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
}
