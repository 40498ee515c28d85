using Broadsheet.Features.Articles;
using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.TypoReports;

/// <summary>
/// The newsroom's one click: applies a report's suggestion (or the editor's own wording) to the
/// article, and tells the report what became of it. The newsroom passes <c>record</c> to add its
/// revision, correction note and audit entry to the same save, so the fix and its record are one
/// transaction; that is the extension point, and nothing is recorded here.
/// </summary>
public sealed class TypoFixes(BroadsheetDb db, MarkdownFix markdown, ArticleBody body, ArticleChanges changes, TimeProvider clock)
{
    public async Task<TypoFixResult> ApplyAsync(int reportId, string? wording = null,
        Action<Article, TypoFix>? record = null, CancellationToken ct = default)
    {
        var report = await db.TypoReports.FirstOrDefaultAsync(r => r.Id == reportId, ct)
            ?? throw new InvalidOperationException($"There is no typo report {reportId}.");
        var article = await db.Articles.FirstAsync(a => a.Id == report.ArticleId, ct);
        var suggestion = ReaderText.Normalise(wording ?? report.Suggestion);

        var (field, result) = Locate(article, report, suggestion);
        if (result.Outcome == TypoFixOutcome.Outdated)
        {
            report.Status = TypoReportStatus.Outdated;
            await db.SaveChangesAsync(ct);
            return result;
        }
        if (result.Outcome != TypoFixOutcome.Replaced) return result;

        var now = clock.GetUtcNow().UtcDateTime;
        var old = Set(article, field, result.Source!);
        article.Version = Guid.NewGuid();
        // Readers are told a published article was updated; a draft's edits are nobody's business yet.
        if (article.IsVisibleAt(now)) article.UpdatedAt = now;
        report.Status = TypoReportStatus.Fixed;
        report.ResolvedAt = now;
        record?.Invoke(article, new TypoFix(report.Id, article.Id, field, old, result.Source!, result.Position));
        await db.SaveChangesAsync(ct);
        await changes.AnnounceAsync(article.Id, ct);
        return result;
    }

    /// <summary>Outdated reports cleared from an inbox: whether the fragment is still where readers saw it.</summary>
    public static bool IsStillInText(Article article, TypoReport report) =>
        ReaderText.Contains(article, report.Before, report.Fragment, report.After);

    private (ArticleField, TypoFixResult) Locate(Article article, TypoReport report, string suggestion)
    {
        var (before, fragment, after) = (report.Before, report.Fragment, report.After);
        // The same regions, in the same order, as ReaderText.Regions, where the report was checked when it came in.
        (ArticleField Field, string? Text)[] plain = [(ArticleField.Title, article.Title), (ArticleField.Lead, article.Lead),
            (ArticleField.CoverCaption, article.CoverImage is null ? null : article.CoverCaption)];
        foreach (var (field, text) in plain)
        {
            if (text is null) continue;
            var result = MarkdownFix.InPlainText(text, before, fragment, after, suggestion);
            if (result.Outcome != TypoFixOutcome.Outdated) return (field, result);
        }
        return (ArticleField.Body, markdown.InMarkdown(article.Body, before, fragment, after, suggestion));
    }

    private string Set(Article article, ArticleField field, string text)
    {
        switch (field)
        {
            case ArticleField.Title: { var old = article.Title; article.Title = text; return old; }
            case ArticleField.Lead: { var old = article.Lead; article.Lead = text; return old; }
            case ArticleField.CoverCaption: { var old = article.CoverCaption ?? ""; article.CoverCaption = text; return old; }
            default:
            {
                var old = article.Body;
                article.Body = text;
                article.BodyHtml = body.Render(text);
                return old;
            }
        }
    }
}
