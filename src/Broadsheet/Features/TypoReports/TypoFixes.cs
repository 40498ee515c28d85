using Broadsheet.Features.Articles;

namespace Broadsheet.Features.TypoReports;

/// <summary>
/// The newsroom's one click, without the database: finds a report's words in the article and puts the
/// suggestion (or the editor's own wording) in their place, on the article object only. The caller
/// saves the change through the article's history and says what became of the report.
/// </summary>
public sealed class TypoFixes(MarkdownFix markdown, ArticleBody body)
{
    /// <summary>Where the reported words are now, and the field as it reads once fixed; changes nothing.</summary>
    public TypoFix Locate(Article article, TypoReport report, string? wording = null)
    {
        var suggestion = ReaderText.Normalise(wording ?? report.Suggestion);
        var (before, fragment, after) = (report.Before, report.Fragment, report.After);
        // The same regions, in the same order, as ReaderText.Regions, where the report was checked when it came in.
        (ArticleField Field, string? Text)[] plain = [(ArticleField.Title, article.Title), (ArticleField.Lead, article.Lead),
            (ArticleField.CoverCaption, article.CoverImage is null ? null : article.CoverCaption)];
        foreach (var (field, text) in plain)
        {
            if (text is null) continue;
            var result = MarkdownFix.InPlainText(text, before, fragment, after, suggestion);
            if (result.Outcome != TypoFixOutcome.Outdated) return new TypoFix(article.Id, field, result);
        }
        return new TypoFix(article.Id, ArticleField.Body, markdown.InMarkdown(article.Body, before, fragment, after, suggestion));
    }

    /// <summary>Puts a replaceable fix into the article; a body is rendered again, as readers get it.</summary>
    public void Apply(Article article, TypoFix fix)
    {
        if (fix.Outcome != TypoFixOutcome.Replaced || fix.ArticleId != article.Id)
            throw new InvalidOperationException("Only a fix located in this article that can be replaced is applied.");
        var text = fix.Result.Source!;
        switch (fix.Field)
        {
            case ArticleField.Title: article.Title = text; break;
            case ArticleField.Lead: article.Lead = text; break;
            case ArticleField.CoverCaption: article.CoverCaption = text; break;
            default:
                article.Body = text;
                article.BodyHtml = body.Render(text);
                break;
        }
    }

    /// <summary>Outdated reports cleared from an inbox: whether the fragment is still where readers saw it.</summary>
    public static bool IsStillInText(Article article, TypoReport report) =>
        ReaderText.Contains(article, report.Before, report.Fragment, report.After);
}
