namespace Broadsheet.Features.TypoReports;

/// <summary>
/// What applying a report changed, for the caller to record: the newsroom saves a revision from
/// it, adds a correction note when the editor asks for one, and writes the audit entry.
/// </summary>
public sealed record TypoFix(int ReportId, int ArticleId, ArticleField Field, string OldText, string NewText, int Position);

/// <summary>Where in an article a reader's fragment is.</summary>
public enum ArticleField { Title, Lead, CoverCaption, Body }
