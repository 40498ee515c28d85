using Broadsheet.Features.TypoReports;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.TypoReports;

public sealed class TypoReportPageTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public TypoReportPageTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task The_article_page_marks_what_readers_may_report_and_carries_the_dialog_and_script()
    {
        var article = await publication.ArticleAsync("Council approves the budget", lead: "A long night.",
            body: "First \"paragraph\" -- with *emphasis*.\n\n^^^ ![Photo](/media/p.jpg)\n^^^ The mayor at the bridge");

        var page = await app.GetPageAsync(PageUrl.Of(app, article));

        var regions = page.QuerySelectorAll("[data-article-id] [data-typo-region]").Select(r => ReaderText.Normalise(r.TextContent)).ToList();
        Assert.Equal(["Council approves the budget", "A long night.", ReaderText.BodyText(article.BodyHtml)], regions);
        Assert.Contains("The mayor at the bridge", regions[2]);
        var dialog = page.QuerySelector("dialog#typo-dialog")!;
        Assert.Equal("Thank you! Now the editors are aware.", dialog.GetAttribute("data-thanks"));
        Assert.Equal("typo-title", dialog.GetAttribute("aria-labelledby"));
        Assert.NotNull(dialog.QuerySelector("[role=status][aria-live=polite]"));
        // typo.js comes when the reader selects text: the page's own script names it (article.js fetches it).
        var script = page.QuerySelectorAll("script[src]").Single(s => s.GetAttribute("src")!.StartsWith("/js/article.min.js", StringComparison.Ordinal));
        Assert.True(script.HasAttribute("defer"));
        Assert.StartsWith("/js/typo.min.js?v=", script.GetAttribute("data-typo-script"));
    }

    [Fact]
    public async Task The_dialog_speaks_russian_on_a_russian_site()
    {
        await publication.SettingsAsync(s => s.Language = "ru");
        var article = await publication.ArticleAsync("Бюджет принят");

        var page = await app.GetPageAsync(PageUrl.Of(app, article));

        Assert.Equal("Спасибо! Редакция уже в курсе.", page.QuerySelector("#typo-dialog")!.GetAttribute("data-thanks"));
        Assert.Equal("Как должно быть?", page.QuerySelector("label[for=typo-suggestion]")!.TextContent);
    }
}
