namespace Broadsheet.Features.TypoReports;

/// <summary>
/// What a report comes to against an article as it stands: in which field the reader's words are and,
/// when they can be replaced, the field's new text (<see cref="TypoFixResult.Source"/>).
/// </summary>
public sealed record TypoFix(int ArticleId, ArticleField Field, TypoFixResult Result)
{
    public TypoFixOutcome Outcome => Result.Outcome;
}

/// <summary>Where in an article a reader's fragment is.</summary>
public enum ArticleField { Title, Lead, CoverCaption, Body }
