namespace Broadsheet.Features.TypoReports;

/// <summary>What typo.js posts: the fragment as the reader saw it, up to about 60 characters either side, and what they suggest.</summary>
public sealed record TypoReportForm(int ArticleId, string? Fragment, string? Before, string? After, string? Suggestion, string? Comment)
{
    /// <summary>The first problem with the form, in the reader's words, or null when it may be checked against the article.</summary>
    public string? Problem(TypoReportText text)
    {
        string?[] fields = [Fragment, Before, After, Suggestion, Comment];
        // PostgreSQL refuses NUL in text, and no reader types control characters; tabs and newlines are fine.
        if (fields.Any(f => f is not null && f.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'))))
            return text.NotUnderstood;
        if (ArticleId <= 0) return text.ArticleNotFound;
        if (string.IsNullOrWhiteSpace(Fragment)) return text.FragmentRequired;
        if (Fragment.Length > TypoReport.FragmentMax
            || (Before?.Length ?? 0) > TypoReport.ContextMax || (After?.Length ?? 0) > TypoReport.ContextMax
            || ReaderText.Normalise(Suggestion).Length > TypoReport.SuggestionMax
            || (Comment?.Trim().Length ?? 0) > TypoReport.CommentMax)
            return text.TooLong;
        return null;
    }
}
