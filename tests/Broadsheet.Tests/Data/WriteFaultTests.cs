using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Comments;
using Broadsheet.Features.Newsletter;
using Broadsheet.Features.Site;
using Broadsheet.Features.TypoReports;
using Broadsheet.Infrastructure.Data.Faults;
using Broadsheet.Tests.Comments;
using Broadsheet.Tests.Newsletter;
using Broadsheet.Tests.Support;
using Broadsheet.Tests.TypoReports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Data;

/// <summary>
/// When the database cannot write (a full disk, simulated at the command: see <see cref="FailingWrites"/>),
/// every way a reader or the newsroom writes answers 503 with Retry-After, nothing is acknowledged that
/// is not in the database, reads go on, and the site recovers by itself once writes work again.
/// </summary>
[Collection(WriteFaultCollection.Name)]
public sealed class WriteFaultTests : IDisposable
{
    private readonly LoopbackSmtpServer smtp = new();
    private readonly FailingWritesApp app = new();
    private readonly TestPublication publication;
    private readonly NewsletterSteps newsletter;

    public WriteFaultTests()
    {
        NewsletterSteps.Configure(app, smtp);
        app.WithoutPreModeration();
        publication = new TestPublication(app);
        newsletter = new NewsletterSteps(() => app, smtp);
        // Started before any test fails its writes: the migrations and the settings row are writes too.
        _ = app.Services;
    }

    public void Dispose()
    {
        app.Dispose();
        smtp.Dispose();
    }

    [Fact]
    public async Task A_newsletter_sign_up_in_JSON_while_writes_fail_is_a_503_problem_and_neither_a_subscriber_nor_a_mail_exists()
    {
        app.Writes.Fail();
        using var response = await newsletter.SignUpJsonAsync(new { email = "reader@example.test", frequency = "daily" });

        await AssertUnavailableProblemAsync(response, UiText.English);
        app.Writes.Mend();
        Assert.Null(await newsletter.FindAsync("reader@example.test"));
        Assert.Empty(smtp.To("reader@example.test"));
    }

    [Fact]
    public async Task A_newsletter_sign_up_form_while_writes_fail_shows_the_error_page_not_the_thanks_page()
    {
        app.Writes.Fail();
        using var response = await newsletter.SignUpAsync("reader@example.test");

        await AssertUnavailablePageAsync(response, UiText.English);
        app.Writes.Mend();
        Assert.Null(await newsletter.FindAsync("reader@example.test"));
        Assert.Empty(smtp.To("reader@example.test"));
    }

    [Fact]
    public async Task A_comment_while_writes_fail_is_a_503_problem_and_is_not_kept()
    {
        var article = await app.OpenArticleAsync();
        var (_, reader) = await app.ReaderAsync();
        var token = await reader.TokenAsync();

        app.Writes.Fail();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/articles/{article.Id}/comments")
        {
            Content = new StringContent("""{"text":"The budget is late again."}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("RequestVerificationToken", token);
        using var response = await reader.SendAsync(request);

        await AssertUnavailableProblemAsync(response, UiText.English);
        app.Writes.Mend();
        Assert.Equal(0, await app.WithDbAsync(db => db.Comments.CountAsync()));
    }

    [Fact]
    public async Task A_comment_through_the_page_form_while_writes_fail_shows_the_error_page()
    {
        var article = await app.OpenArticleAsync();
        var (_, reader) = await app.ReaderAsync();
        var page = await reader.GetDocumentAsync($"/articles/{article.Id}/comments");

        app.Writes.Fail();
        using var response = await reader.PostAsync(page.QuerySelector("#compose")!.GetAttribute("action"), ComposeFields(page));

        await AssertUnavailablePageAsync(response, UiText.English);
        app.Writes.Mend();
        Assert.Equal(0, await app.WithDbAsync(db => db.Comments.CountAsync()));
    }

    [Fact]
    public async Task A_typo_report_while_writes_fail_is_a_503_problem_and_is_not_kept()
    {
        var article = await publication.ArticleAsync("Council approves the budget", body: "The council aproved the budget on Tuesday.");

        app.Writes.Fail();
        var (response, _) = await TypoReportPost.SendAsync(app, TypoReportPost.Report(article.Id, "aproved", "The council ", " the budget", "approved"));

        await AssertUnavailableProblemAsync(response, UiText.English);
        app.Writes.Mend();
        Assert.Equal(0, await app.WithDbAsync(db => db.TypoReports.CountAsync()));
    }

    [Fact]
    public async Task A_reader_signing_up_while_writes_fail_sees_the_error_page_and_can_sign_up_once_they_work()
    {
        var client = app.Reader();
        var email = "new.reader@example.test";
        var page = await client.GetDocumentAsync("/account/sign-up");

        app.Writes.Fail(after: 1);
        using (var response = await client.SubmitAsync(page, "/account/sign-up", null,
            ("Input.Email", email), ("Input.DisplayName", "New Reader"), ("Input.Password", Staff.Password), ("Input.Consent", "true")))
            await AssertUnavailablePageAsync(response, UiText.English);
        Assert.Equal(1, app.Writes.Failed);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));

        // Had the account been kept without its role, the address would now count as taken and no mail would come.
        app.Writes.Mend();
        using var again = await client.SubmitAsync("/account/sign-up", null,
            ("Input.Email", email), ("Input.DisplayName", "New Reader"), ("Input.Password", Staff.Password), ("Input.Consent", "true"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var account = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.True(await app.WithDbAsync(async db =>
        {
            var roles = db.UserRoles;
            return await roles.AnyAsync(r => r.UserId == account.Id);
        }));
        await smtp.WaitForMailToAsync(email);
    }

    [Fact]
    public async Task Saving_an_article_in_the_newsroom_while_writes_fail_shows_the_error_page_and_saves_nothing()
    {
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        var page = await editor.GetDocumentAsync("/newsroom/articles/new");

        app.Writes.Fail();
        using var response = await editor.SubmitAsync(page, "/newsroom/articles/new", "Save",
            ("Input.Title", "Council approves the budget"), ("Input.Body", "After a long night."));

        await AssertUnavailablePageAsync(response, UiText.English);
        app.Writes.Mend();
        Assert.False(await app.WithDbAsync(db => db.Articles.AnyAsync(a => a.Title == "Council approves the budget")));
    }

    [Fact]
    public async Task Readiness_is_503_while_writes_fail_reads_go_on_and_it_recovers_by_itself()
    {
        var article = await publication.ArticleAsync("Council approves the budget");
        var reader = app.Reader();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/readyz")).StatusCode);

        app.Writes.Fail();
        using (var refused = await newsletter.SignUpJsonAsync(new { email = "reader@example.test" }))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        using (var ready = await reader.GetAsync("/readyz"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("failing", (await ready.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["writes"]);
        }
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(PageUrl.Of(app, article))).StatusCode);

        // Nobody writes from here on: the probe finds that writes work again.
        app.Writes.Mend();
        var until = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode status;
        while ((status = (await reader.GetAsync("/readyz")).StatusCode) != HttpStatusCode.OK && DateTime.UtcNow < until) await Task.Delay(200);
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task An_outage_is_logged_once_when_it_begins_and_once_when_the_next_write_ends_it()
    {
        app.Writes.Fail();
        for (var i = 0; i < 3; i++)
        {
            using var refused = await newsletter.SignUpJsonAsync(new { email = $"reader{i}@example.test" });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        }
        app.Writes.Mend();
        using (var accepted = await newsletter.SignUpJsonAsync(new { email = "reader@example.test" }))
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.False(app.Services.GetRequiredService<WriteOutage>().IsOn);
        Assert.Equal(HttpStatusCode.OK, (await app.Reader().GetAsync("/readyz")).StatusCode);

        var lines = app.Log.Lines.ToList();
        Assert.Single(lines, l => l.StartsWith("Writes are failing", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("Writes work again", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("unhandled exception", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_metrics_show_the_outage_while_it_lasts_and_count_the_failed_writes()
    {
        long failed = 0;
        var failing = new List<int>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == Broadsheet.Infrastructure.Telemetry.SiteMetrics.MeterName
                && instrument.Name is "broadsheet.writes.failed" or "broadsheet.writes.failing") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref failed, value));
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => { lock (failing) failing.Add(value); });
        listener.Start();
        int Failing()
        {
            lock (failing) failing.Clear();
            listener.RecordObservableInstruments();
            lock (failing) return failing.Sum();
        }

        Assert.Equal(0, Failing());
        app.Writes.Fail();
        using (var refused = await newsletter.SignUpJsonAsync(new { email = "reader@example.test" }))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(1, Failing());
        Assert.True(Interlocked.Read(ref failed) >= 1);

        app.Writes.Mend();
        using (var accepted = await newsletter.SignUpJsonAsync(new { email = "reader@example.test" }))
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(0, Failing());
    }

    [Fact]
    public async Task A_Russian_site_says_it_cannot_save_in_Russian()
    {
        await publication.SettingsAsync(s => s.Language = "ru");
        app.Writes.Fail();
        using (var json = await newsletter.SignUpJsonAsync(new { email = "reader@example.test" }))
            await AssertUnavailableProblemAsync(json, UiText.Russian);
        using var form = await newsletter.SignUpAsync("reader@example.test");
        await AssertUnavailablePageAsync(form, UiText.Russian);
    }

    [Fact]
    public async Task Any_other_failure_on_a_JSON_endpoint_is_a_500_problem_not_the_HTML_page_and_no_outage()
    {
        app.Writes.Fail(with: FailingWrites.Corrupt);
        using var response = await newsletter.SignUpJsonAsync(new { email = "reader@example.test" });

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(UiText.English.ErrorTitle, problem.RootElement.GetProperty("title").GetString());
        Assert.False(response.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, (await app.Reader().GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task A_page_asked_for_as_JSON_gets_its_failure_as_JSON()
    {
        var (_, reader) = await app.ReaderAsync();
        var article = await app.OpenArticleAsync();
        var page = await reader.GetDocumentAsync($"/articles/{article.Id}/comments");

        app.Writes.Fail();
        using var request = new HttpRequestMessage(HttpMethod.Post, page.QuerySelector("#compose")!.GetAttribute("action")) { Content = ComposeFields(page) };
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await reader.SendAsync(request);

        await AssertUnavailableProblemAsync(response, UiText.English);
    }

    /// <summary>The comments page's own form, filled in as a reader would.</summary>
    private static FormUrlEncodedContent ComposeFields(AngleSharp.Html.Dom.IHtmlDocument page) =>
        new(Forms.Fields(page.QuerySelector("#compose")!).Where(f => f.Key != "Text").Append(new("Text", "The budget is late again.")));

    private static async Task AssertUnavailableProblemAsync(HttpResponseMessage response, UiText text)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(WriteOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("Retry-After").Single());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(text.UnavailableTitle, problem.RootElement.GetProperty("title").GetString());
        Assert.Equal(text.UnavailableText, problem.RootElement.GetProperty("detail").GetString());
    }

    private static async Task AssertUnavailablePageAsync(HttpResponseMessage response, UiText text)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(WriteOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("Retry-After").Single());
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.ParseAsync();
        Assert.Equal(text.UnavailableTitle, page.QuerySelector("h1")?.TextContent.Trim());
    }
}
