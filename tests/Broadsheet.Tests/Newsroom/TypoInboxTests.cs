using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Audit;
using Broadsheet.Features.TypoReports;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Newsroom;

/// <summary>The editors' side of typo reports: the inbox, applying, dismissing, the preview and who may do it.</summary>
public sealed class TypoInboxTests : IDisposable
{
    private const string Inbox = "/newsroom/typo-reports";
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public TypoInboxTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    private Task<TypoReport> ReportAsync(Article article, string before, string fragment, string after, string suggestion,
        int count = 1, TypoReportStatus status = TypoReportStatus.Open) =>
        app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var report = new TypoReport
            {
                ArticleId = article.Id, Before = before, Fragment = fragment, After = after, Suggestion = suggestion,
                Count = count, Status = status, CreatedAt = now, LastReportedAt = now,
            };
            db.Add(report);
            await db.SaveChangesAsync();
            return report;
        });

    /// <summary>Posts the Apply or Dismiss form of one report, as the inbox page wrote it.</summary>
    private static async Task<HttpResponseMessage> ActAsync(HttpClient editor, TypoReport report, string action, params (string Name, string Value)[] values)
    {
        var page = await editor.GetDocumentAsync(Inbox);
        var form = page.QuerySelector($".typo-inbox__report[data-report-id='{report.Id}'] form.typo-inbox__{action.ToLowerInvariant()}")
            ?? throw new Xunit.Sdk.XunitException($"The inbox has no {action} form for report {report.Id}");
        var fields = Forms.Fields(form);
        foreach (var (name, value) in values)
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }
        return await editor.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
    }

    private Task<TypoReport> ReloadAsync(TypoReport report) =>
        app.WithDbAsync(db => db.TypoReports.AsNoTracking().FirstAsync(r => r.Id == report.Id));

    [Fact]
    public async Task Groups_open_reports_by_article_newest_first_with_the_readers_of_each_fragment()
    {
        var older = await publication.ArticleAsync("Council approves the budjet", body: "The budjet passed.");
        var newer = await publication.ArticleAsync("Mayor opens the brigde", body: "The brigde is open.");
        await ReportAsync(older, "Council approves the ", "budjet", "", "budget", count: 2);
        await ReportAsync(older, "Council approves the ", "budjet", "", "Budget");
        await ReportAsync(older, "The ", "budjet", " passed.", "budget", status: TypoReportStatus.Dismissed);
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await ReportAsync(newer, "The ", "brigde", " is open.", "bridge");
        var editor = await app.SignedInAsync(StaffRoles.Editor);

        var page = await editor.GetDocumentAsync(Inbox);

        var articles = page.QuerySelectorAll(".typo-inbox__article").Select(a => a.GetAttribute("data-article-id")).ToList();
        Assert.Equal([newer.Id.ToString(CultureInfo.InvariantCulture), older.Id.ToString(CultureInfo.InvariantCulture)], articles);
        var fragments = page.QuerySelectorAll($".typo-inbox__article[data-article-id='{older.Id}'] .typo-inbox__fragment");
        var headline = Assert.Single(fragments);
        Assert.Equal("3", headline.QuerySelector("[data-readers]")!.GetAttribute("data-readers"));
        Assert.Equal(2, headline.QuerySelectorAll(".typo-inbox__report").Length);
        Assert.Equal("…Council approves the budjet…", headline.QuerySelector(".typo-inbox__quote")!.TextContent);
    }

    [Fact]
    public async Task Applying_fixes_the_reported_occurrence_keeps_a_revision_and_an_audit_entry_and_updates_the_page_at_once()
    {
        var article = await publication.ArticleAsync("Council approves the budget",
            body: "The budjet was approved.\n\nLater, the budjet was cut by a third.");
        var url = PageUrl.Of(app, article);
        await app.GetPageAsync(url); // now in the page cache
        var report = await ReportAsync(article, "Later, the ", "budjet", " was cut by a third.", "budget");
        var editor = await app.SignedInAsync(StaffRoles.Editor);

        using var response = await ActAsync(editor, report, "Apply");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await app.GetPageAsync(url);
        Assert.Equal("The budjet was approved. Later, the budget was cut by a third.",
            ReaderText.Normalise(page.QuerySelector(".story__body")!.TextContent));
        Assert.Null(page.QuerySelector(".story__corrections"));
        Assert.Equal(TypoReportStatus.Fixed, (await ReloadAsync(report)).Status);
        var revisions = await app.WithDbAsync(db => db.Revisions.Where(r => r.ArticleId == article.Id).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(["The budjet was approved.\n\nLater, the budjet was cut by a third.", "The budjet was approved.\n\nLater, the budget was cut by a third."],
            revisions.Select(r => r.Body));
        var audit = await app.WithDbAsync(db => db.AuditLog.Where(e => e.ArticleId == article.Id).ToListAsync());
        Assert.Equal([AuditAction.TypoFix], audit.Select(e => e.Action));
        var inbox = await editor.GetDocumentAsync(Inbox);
        Assert.Equal("Fixed.", inbox.QuerySelector(".desk__notice")!.TextContent);
        Assert.Empty(inbox.QuerySelectorAll(".typo-inbox__report"));
    }

    [Fact]
    public async Task Applying_as_a_correction_shows_the_note_on_the_public_page()
    {
        var article = await publication.ArticleAsync("Bridge opens", body: "The bridge is 3 km long.");
        var report = await ReportAsync(article, "The bridge is ", "3 km", " long.", "300 m");
        var editor = await app.SignedInAsync(StaffRoles.Editor);

        using var response = await ActAsync(editor, report, "Apply", ("asCorrection", "true"), ("note", "The bridge is 300 m long, not 3 km."));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await app.GetPageAsync(PageUrl.Of(app, article));
        Assert.Equal(["The bridge is 300 m long, not 3 km."],
            page.QuerySelectorAll(".story__corrections li").Select(li => li.ChildNodes.Last().TextContent.Trim()));
        Assert.NotNull(page.QuerySelector(".story__updated"));
        var revision = await app.WithDbAsync(db => db.Revisions.Where(r => r.ArticleId == article.Id).OrderBy(r => r.Id).LastAsync());
        Assert.True(revision.IsCorrection);
        var audit = await app.WithDbAsync(db => db.AuditLog.Where(e => e.ArticleId == article.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal([AuditAction.Correct, AuditAction.TypoFix], audit.Order());
    }

    [Fact]
    public async Task A_correction_without_a_note_changes_nothing_and_says_why()
    {
        var article = await publication.ArticleAsync("Bridge opens", body: "The bridge is 3 km long.");
        var report = await ReportAsync(article, "The bridge is ", "3 km", " long.", "300 m");
        var editor = await app.SignedInAsync(StaffRoles.Editor);

        using var _ = await ActAsync(editor, report, "Apply", ("asCorrection", "true"), ("note", " "));

        var inbox = await editor.GetDocumentAsync(Inbox);
        Assert.Contains("needs a note", inbox.QuerySelector(".desk__notice")!.TextContent);
        Assert.Equal(TypoReportStatus.Open, (await ReloadAsync(report)).Status);
    }

    [Fact]
    public async Task A_fragment_across_formatting_is_not_replaced_and_the_editor_is_sent_to_that_place()
    {
        var article = await publication.ArticleAsync("Budget", body: "First line.\n\nThe **bud**jet was cut.");
        var report = await ReportAsync(article, "The ", "budjet", " was cut.", "budget");
        var editor = await app.SignedInAsync(StaffRoles.Editor);

        using var response = await ActAsync(editor, report, "Apply");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await editor.GetDocumentAsync(response.Headers.Location!.OriginalString);
        var message = page.QuerySelector("[data-cannot-replace]")!;
        Assert.Contains("cannot be replaced safely", message.TextContent);
        var link = (IHtmlAnchorElement)message.QuerySelector("a")!;
        Assert.StartsWith($"/newsroom/articles/{article.Id}?at=", link.GetAttribute("href"));
        var at = int.Parse(link.GetAttribute("href")!.Split("at=")[1].Split('#')[0], CultureInfo.InvariantCulture);
        Assert.InRange(at, "First line.\n\nThe ".Length, "First line.\n\nThe **".Length);
        var saved = await app.WithDbAsync(db => db.Articles.AsNoTracking().FirstAsync(a => a.Id == article.Id));
        Assert.Equal(article.Body, saved.Body);
        Assert.Equal(TypoReportStatus.Open, (await ReloadAsync(report)).Status);
    }

    [Fact]
    public async Task A_report_whose_fragment_left_the_text_is_shown_as_outdated_and_can_only_be_cleared()
    {
        var article = await publication.ArticleAsync("Budget", body: "The budjet was cut.");
        var report = await ReportAsync(article, "The ", "budjet", " was cut.", "budget");
        await app.WithDbAsync(async db =>
        {
            var saved = await db.Articles.FirstAsync(a => a.Id == article.Id);
            saved.Body = "The spending plan was cut.";
            saved.BodyHtml = "<p>The spending plan was cut.</p>";
            await db.SaveChangesAsync();
        });
        var editor = await app.SignedInAsync(StaffRoles.Editor);

        var page = await editor.GetDocumentAsync(Inbox);

        var fragment = page.QuerySelector(".typo-inbox__fragment")!;
        Assert.Equal("true", fragment.GetAttribute("data-outdated"));
        Assert.Contains("Outdated", fragment.TextContent);
        Assert.Null(fragment.QuerySelector("form.typo-inbox__apply"));
        using var cleared = await ActAsync(editor, report, "Dismiss");
        Assert.Equal(TypoReportStatus.Dismissed, (await ReloadAsync(report)).Status);
    }

    [Fact]
    public async Task Dismissing_takes_a_report_out_of_the_inbox_and_into_the_audit_log()
    {
        var article = await publication.ArticleAsync("Budget", body: "The budget was cut.");
        var report = await ReportAsync(article, "The ", "budget", " was cut.", "budjet");
        var editor = await app.SignedInAsync(StaffRoles.Editor);

        using var response = await ActAsync(editor, report, "Dismiss");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await ReloadAsync(report);
        Assert.Equal((TypoReportStatus.Dismissed, app.Clock.GetUtcNow().UtcDateTime), (saved.Status, saved.ResolvedAt));
        Assert.Empty((await editor.GetDocumentAsync(Inbox)).QuerySelectorAll(".typo-inbox__report"));
        var audit = await app.WithDbAsync(db => db.AuditLog.SingleAsync(e => e.ArticleId == article.Id));
        Assert.Equal(AuditAction.TypoDismiss, audit.Action);
    }

    [Fact]
    public async Task The_preview_marks_the_occurrence_the_readers_meant()
    {
        var article = await publication.ArticleAsync("Budget",
            body: "The budjet was approved.\n\nLater, the *budjet* was cut by a third.");
        var report = await ReportAsync(article, "Later, the ", "budjet", " was cut by a third.", "budget");
        var editor = await app.SignedInAsync(StaffRoles.Editor);

        var page = await editor.GetDocumentAsync($"{Inbox}/{report.Id}");

        var mark = Assert.Single(page.QuerySelectorAll(".desk-preview .story__body mark"));
        Assert.Equal("budjet", mark.TextContent);
        Assert.Equal("Later, the budjet was cut by a third.", ReaderText.Normalise(mark.Closest("p")!.TextContent));
        Assert.Equal("The budjet was approved. Later, the budjet was cut by a third.",
            ReaderText.Normalise(page.QuerySelector(".desk-preview .story__body")!.TextContent));
    }

    [Fact]
    public async Task Authors_and_moderators_cannot_act_on_reports_even_with_a_valid_token()
    {
        var article = await publication.ArticleAsync("Budget", body: "The budjet was cut.");
        var report = await ReportAsync(article, "The ", "budjet", " was cut.", "budget");
        foreach (var role in new[] { StaffRoles.Author, StaffRoles.Moderator })
        {
            var client = await app.SignedInAsync(role);
            // Any staff page carries a token for this person; the newsroom front page does.
            var token = (await client.GetDocumentAsync("/newsroom")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            foreach (var handler in new[] { "Apply", "Dismiss" })
            {
                using var response = await client.PostAsync($"{Inbox}?handler={handler}",
                    new FormUrlEncodedContent([new("id", report.Id.ToString(CultureInfo.InvariantCulture)), new("__RequestVerificationToken", token)]));
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            }
        }
        using var anonymous = await app.Reader().GetAsync(Inbox);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal(TypoReportStatus.Open, (await ReloadAsync(report)).Status);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var article = await publication.ArticleAsync("Budget", body: "The budjet was cut.");
        var report = await ReportAsync(article, "The ", "budjet", " was cut.", "budget");
        var editor = await app.SignedInAsync(StaffRoles.Editor);

        using var response = await editor.PostAsync($"{Inbox}?handler=Apply", new FormUrlEncodedContent([new("id", report.Id.ToString(CultureInfo.InvariantCulture))]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(TypoReportStatus.Open, (await ReloadAsync(report)).Status);
    }

    [Fact]
    public async Task The_dashboard_shows_open_reports_and_the_median_time_to_fix()
    {
        var article = await publication.ArticleAsync("Budget", body: "One budjet. Two budjet. Three budjet.");
        var first = await ReportAsync(article, "One ", "budjet", ".", "budget");
        var second = await ReportAsync(article, "Two ", "budjet", ".", "budget");
        await ReportAsync(article, "Three ", "budjet", ".", "budget");
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        using (await ActAsync(editor, first, "Apply")) { }
        app.Clock.Advance(TimeSpan.FromMinutes(40));
        using (await ActAsync(editor, second, "Apply")) { }

        var page = await editor.GetDocumentAsync("/newsroom");

        Assert.Equal("1", page.QuerySelector("[data-open-reports]")!.TextContent);
        Assert.Equal("40 min", page.QuerySelector("[data-median-fix]")!.TextContent);
    }
}
