using Broadsheet.Features.Articles;
using Broadsheet.Features.TypoReports;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.TypoReports;

public sealed class TypoFixesTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public TypoFixesTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    private Task<TypoReport> ReportAsync(Article article, string before, string fragment, string after, string suggestion) =>
        app.WithDbAsync(async db =>
        {
            var report = new TypoReport
            {
                ArticleId = article.Id, Before = before, Fragment = fragment, After = after, Suggestion = suggestion,
                CreatedAt = BroadsheetApp.DefaultNow.UtcDateTime, LastReportedAt = BroadsheetApp.DefaultNow.UtcDateTime,
            };
            db.Add(report);
            await db.SaveChangesAsync();
            return report;
        });

    private async Task<TypoFixResult> ApplyAsync(TypoReport report, Action<Article, TypoFix>? record = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TypoFixes>().ApplyAsync(report.Id, record: record);
    }

    private Task<(Article Article, TypoReport Report)> ReloadAsync(TypoReport report) =>
        app.WithDbAsync(async db => (await db.Articles.AsNoTracking().FirstAsync(a => a.Id == report.ArticleId),
            await db.TypoReports.AsNoTracking().FirstAsync(r => r.Id == report.Id)));

    [Fact]
    public async Task The_article_page_shows_the_corrected_word_at_once()
    {
        var article = await publication.ArticleAsync("Council approves the budget",
            body: "The budjet was approved.\n\nLater, the budjet was cut by a third.");
        var url = PageUrl.Of(app, article);
        await app.GetPageAsync(url); // now in the page cache
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var report = await ReportAsync(article, "Later, the ", "budjet", " was cut by a third.", "budget");
        TypoFix? recorded = null;

        var result = await ApplyAsync(report, (_, change) => recorded = change);

        Assert.Equal(TypoFixOutcome.Replaced, result.Outcome);
        var page = await app.GetPageAsync(url);
        Assert.Equal("The budjet was approved. Later, the budget was cut by a third.",
            ReaderText.Normalise(page.QuerySelector(".story__body")!.TextContent));
        Assert.NotNull(page.QuerySelector(".story__updated"));
        var (saved, savedReport) = await ReloadAsync(report);
        Assert.Equal(TypoReportStatus.Fixed, savedReport.Status);
        Assert.NotEqual(article.Version, saved.Version);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, saved.UpdatedAt);
        Assert.Equal((ArticleField.Body, article.Body, saved.Body), (recorded!.Field, recorded.OldText, recorded.NewText));
    }

    [Fact]
    public async Task Fixes_the_headline()
    {
        var article = await publication.ArticleAsync("Mayor opens the brigde");
        var report = await ReportAsync(article, "Mayor opens the ", "brigde", "", "bridge");

        await ApplyAsync(report);

        var page = await app.GetPageAsync(PageUrl.Of(app, article));
        Assert.Equal("Mayor opens the bridge", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Marks_a_report_outdated_when_the_text_changed_since()
    {
        var article = await publication.ArticleAsync("Council approves the budget", body: "The budget was approved.");
        var report = await ReportAsync(article, "The ", "budjet", " was approved.", "budget");

        var result = await ApplyAsync(report);

        Assert.Equal(TypoFixOutcome.Outdated, result.Outcome);
        var (saved, savedReport) = await ReloadAsync(report);
        Assert.Equal(TypoReportStatus.Outdated, savedReport.Status);
        Assert.Equal(article.Version, saved.Version);
    }

    [Fact]
    public async Task Leaves_the_article_alone_when_the_fragment_spans_formatting()
    {
        var article = await publication.ArticleAsync("Council approves the budget", body: "Some **bold** txet here.");
        var report = await ReportAsync(article, "Some ", "bold txet", " here.", "bold text");
        var recorded = false;

        var result = await ApplyAsync(report, (_, _) => recorded = true);

        Assert.Equal(TypoFixOutcome.CannotReplaceSafely, result.Outcome);
        Assert.Equal("Some **".Length, result.Position);
        var (saved, savedReport) = await ReloadAsync(report);
        Assert.Equal("Some **bold** txet here.", saved.Body);
        Assert.Equal(TypoReportStatus.Open, savedReport.Status);
        Assert.False(recorded);
    }

    [Fact]
    public async Task A_draft_is_fixed_without_being_marked_updated()
    {
        var draft = await publication.ArticleAsync("Draft", status: ArticleStatus.Draft, body: "A draft with a tpyo.");
        var report = await ReportAsync(draft, "A draft with a ", "tpyo", ".", "typo");

        await ApplyAsync(report);

        var (saved, _) = await ReloadAsync(report);
        Assert.Equal("A draft with a typo.", saved.Body);
        Assert.Contains("typo", saved.BodyHtml);
        Assert.Null(saved.UpdatedAt);
    }
}
