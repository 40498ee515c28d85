using Broadsheet.Features.Articles;
using Broadsheet.Features.TypoReports;

namespace Broadsheet.Tests.TypoReports;

/// <summary>Locating a report in an article and applying it: plain objects, no database.</summary>
public sealed class TypoFixesTests
{
    private static readonly ArticleBody Render = new();
    private readonly TypoFixes fixes = new(new MarkdownFix(Render), Render);

    private static Article Article(string body, string title = "Council approves the budget") =>
        new() { Id = 7, Title = title, Slug = "story", Lead = "A lead paragraph.", Body = body, BodyHtml = Render.Render(body) };

    private static TypoReport Report(string before, string fragment, string after, string suggestion) =>
        new() { ArticleId = 7, Before = before, Fragment = fragment, After = after, Suggestion = suggestion };

    [Fact]
    public void Fixes_the_occurrence_the_readers_meant_and_renders_the_body_again()
    {
        var article = Article("The budjet was approved.\n\nLater, the budjet was cut by a third.");

        var fix = fixes.Locate(article, Report("Later, the ", "budjet", " was cut by a third.", "budget"));
        fixes.Apply(article, fix);

        Assert.Equal((TypoFixOutcome.Replaced, ArticleField.Body), (fix.Outcome, fix.Field));
        Assert.Equal("The budjet was approved.\n\nLater, the budget was cut by a third.", article.Body);
        Assert.Contains("Later, the budget was cut", article.BodyHtml);
        Assert.Equal(Render.Render(article.Body), article.BodyHtml);
    }

    [Fact]
    public void Keeps_the_markdown_around_the_typo()
    {
        var article = Article("This is **very importnat** news, [says the councl](https://example.org/c).");

        fixes.Apply(article, fixes.Locate(article, Report("This is very ", "importnat", " news", "important")));
        fixes.Apply(article, fixes.Locate(article, Report("says the ", "councl", ".", "council")));

        Assert.Equal("This is **very important** news, [says the council](https://example.org/c).", article.Body);
        Assert.Contains("<strong>very important</strong>", article.BodyHtml);
    }

    [Fact]
    public void Locating_changes_nothing_and_an_ambiguous_context_is_left_to_an_editor()
    {
        const string body = "We said teh word. We said teh word.";
        var article = Article(body);

        var fix = fixes.Locate(article, Report("said ", "teh", " word.", "the"));

        Assert.Equal(TypoFixOutcome.CannotReplaceSafely, fix.Outcome);
        Assert.Equal(body.IndexOf("teh", StringComparison.Ordinal), fix.Result.Position);
        Assert.Equal(body, article.Body);
        Assert.Throws<InvalidOperationException>(() => fixes.Apply(article, fix));
        Assert.Equal(body, article.Body);
    }

    [Fact]
    public void Text_no_longer_in_the_article_is_outdated()
    {
        var article = Article("The budget was approved.");

        var fix = fixes.Locate(article, Report("The ", "budjet", " was approved.", "budget"));

        Assert.Equal(TypoFixOutcome.Outdated, fix.Outcome);
        Assert.Throws<InvalidOperationException>(() => fixes.Apply(article, fix));
    }

    [Fact]
    public void A_fragment_across_formatting_says_where_to_look()
    {
        var article = Article("Some **bold** txet here.");

        var fix = fixes.Locate(article, Report("Some ", "bold txet", " here.", "bold text"));

        Assert.Equal(TypoFixOutcome.CannotReplaceSafely, fix.Outcome);
        Assert.Equal("Some **".Length, fix.Result.Position);
    }

    [Fact]
    public void Fixes_the_headline_with_the_editors_own_wording_and_leaves_the_body()
    {
        var article = Article("The brigde is open.", title: "Mayor opens the brigde");

        var fix = fixes.Locate(article, Report("Mayor opens the ", "brigde", "", "bridg"), wording: "bridge");
        fixes.Apply(article, fix);

        Assert.Equal(ArticleField.Title, fix.Field);
        Assert.Equal("Mayor opens the bridge", article.Title);
        Assert.Equal("The brigde is open.", article.Body);
    }
}
