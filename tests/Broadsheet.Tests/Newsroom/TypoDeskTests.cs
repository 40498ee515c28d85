using System.Security.Claims;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Audit;
using Broadsheet.Features.Newsroom.TypoReports;
using Broadsheet.Features.TypoReports;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Newsroom;

/// <summary>Applying a typo report: the fix located once, then kept by the article's history in one save.</summary>
public sealed class TypoDeskTests : IDisposable
{
    private static readonly ClaimsPrincipal Editor = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "editor@example.org"), new Claim(ClaimTypes.NameIdentifier, "editor-account")], "test"));

    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public TypoDeskTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    private Task<TypoReport> ReportAsync(Article article, string before, string fragment, string after, string suggestion) =>
        app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var report = new TypoReport
            {
                ArticleId = article.Id, Before = before, Fragment = fragment, After = after, Suggestion = suggestion,
                CreatedAt = now, LastReportedAt = now,
            };
            db.Add(report);
            await db.SaveChangesAsync();
            return report;
        });

    private async Task<TypoFix?> ApplyAsync(TypoReport report, string? correctionNote = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TypoDesk>().ApplyAsync(report.Id, Editor, correctionNote, default);
    }

    private Task<(Article Article, TypoReport Report, int Revisions, int AuditEntries)> ReloadAsync(TypoReport report) =>
        app.WithDbAsync(async db => (await db.Articles.AsNoTracking().FirstAsync(a => a.Id == report.ArticleId),
            await db.TypoReports.AsNoTracking().FirstAsync(r => r.Id == report.Id),
            await db.Revisions.CountAsync(r => r.ArticleId == report.ArticleId),
            await db.AuditLog.CountAsync(e => e.ArticleId == report.ArticleId)));

    [Fact]
    public async Task A_fix_to_a_never_revised_article_keeps_the_old_words_and_the_new_with_one_audit_entry()
    {
        var published = BroadsheetApp.DefaultNow.UtcDateTime.AddDays(-3);
        var article = await publication.ArticleAsync("Council approves the budget", publishedAt: published,
            body: "The budjet was approved.\n\nLater, the budjet was cut by a third.");
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var report = await ReportAsync(article, "Later, the ", "budjet", " was cut by a third.", "budget");

        var fix = await ApplyAsync(report);

        Assert.Equal((TypoFixOutcome.Replaced, ArticleField.Body), (fix!.Outcome, fix.Field));
        var revisions = await app.WithDbAsync(db => db.Revisions.AsNoTracking().Where(r => r.ArticleId == article.Id).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal([article.Body, "The budjet was approved.\n\nLater, the budget was cut by a third."], revisions.Select(r => r.Body));
        // The baseline is dated when those words went out, not when they were fixed.
        Assert.Equal([published, app.Clock.GetUtcNow().UtcDateTime], revisions.Select(r => r.SavedAt));
        Assert.Equal(["", "editor@example.org"], revisions.Select(r => r.SavedBy));
        var audit = await app.WithDbAsync(db => db.AuditLog.AsNoTracking().SingleAsync(e => e.ArticleId == article.Id));
        Assert.Equal((AuditAction.TypoFix, "editor@example.org"), (audit.Action, audit.Actor));
        Assert.Equal($"Report {report.Id} in the body: \"budjet\" → \"budget\"", audit.Details);
        var (saved, savedReport, _, _) = await ReloadAsync(report);
        Assert.NotEqual(article.Version, saved.Version);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, saved.UpdatedAt);
        Assert.Equal((TypoReportStatus.Fixed, app.Clock.GetUtcNow().UtcDateTime), (savedReport.Status, savedReport.ResolvedAt));
    }

    [Fact]
    public async Task The_article_page_shows_the_corrected_word_at_once()
    {
        var article = await publication.ArticleAsync("Council approves the budget",
            body: "The budjet was approved.\n\nLater, the budjet was cut by a third.");
        var url = PageUrl.Of(app, article);
        await app.GetPageAsync(url); // now in the page cache
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var report = await ReportAsync(article, "Later, the ", "budjet", " was cut by a third.", "budget");

        await ApplyAsync(report);

        var page = await app.GetPageAsync(url);
        Assert.Equal("The budjet was approved. Later, the budget was cut by a third.",
            ReaderText.Normalise(page.QuerySelector(".story__body")!.TextContent));
        Assert.NotNull(page.QuerySelector(".story__updated"));
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
    public async Task Marks_a_report_outdated_when_the_text_changed_since_and_records_nothing()
    {
        var article = await publication.ArticleAsync("Council approves the budget", body: "The budget was approved.");
        var report = await ReportAsync(article, "The ", "budjet", " was approved.", "budget");

        var fix = await ApplyAsync(report);

        Assert.Equal(TypoFixOutcome.Outdated, fix!.Outcome);
        var (saved, savedReport, revisions, audit) = await ReloadAsync(report);
        Assert.Equal(TypoReportStatus.Outdated, savedReport.Status);
        Assert.Equal((article.Version, 0, 0), (saved.Version, revisions, audit));
    }

    [Fact]
    public async Task A_blocked_fix_changes_nothing()
    {
        var article = await publication.ArticleAsync("Council approves the budget", body: "Some **bold** txet here.");
        var report = await ReportAsync(article, "Some ", "bold txet", " here.", "bold text");

        var fix = await ApplyAsync(report, correctionNote: "We misspelt a word.");

        Assert.Equal(TypoFixOutcome.CannotReplaceSafely, fix!.Outcome);
        Assert.Equal(("Some **".Length, article.Id), (fix.Result.Position, fix.ArticleId));
        var (saved, savedReport, revisions, audit) = await ReloadAsync(report);
        Assert.Equal(("Some **bold** txet here.", article.Version, (DateTime?)null), (saved.Body, saved.Version, saved.UpdatedAt));
        Assert.Equal((TypoReportStatus.Open, 0, 0), (savedReport.Status, revisions, audit));
        Assert.Equal(0, await app.WithDbAsync(db => db.Corrections.CountAsync(c => c.ArticleId == article.Id)));
    }

    [Fact]
    public async Task A_draft_is_fixed_without_being_marked_updated_or_corrected()
    {
        var draft = await publication.ArticleAsync("Draft", status: ArticleStatus.Draft, body: "A draft with a tpyo.");
        var report = await ReportAsync(draft, "A draft with a ", "tpyo", ".", "typo");

        await ApplyAsync(report, correctionNote: "A word was misspelt.");

        var (saved, _, revisions, _) = await ReloadAsync(report);
        Assert.Equal("A draft with a typo.", saved.Body);
        Assert.Contains("typo", saved.BodyHtml);
        Assert.Null(saved.UpdatedAt);
        Assert.Equal(2, revisions);
        Assert.Equal(0, await app.WithDbAsync(db => db.Corrections.CountAsync(c => c.ArticleId == draft.Id)));
    }

    [Fact]
    public async Task A_report_already_dealt_with_is_not_applied_again()
    {
        var article = await publication.ArticleAsync("Mayor opens the brigde");
        var report = await ReportAsync(article, "Mayor opens the ", "brigde", "", "bridge");
        await ApplyAsync(report);

        Assert.Null(await ApplyAsync(report));

        var (_, _, revisions, audit) = await ReloadAsync(report);
        Assert.Equal((2, 1), (revisions, audit));
    }
}
