using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using AngleSharp.Html.Parser;
using Broadsheet.Features.Articles;
using Broadsheet.Features.TypoReports;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Broadsheet.Tests.TypoReports.TypoReportPost;

namespace Broadsheet.Tests.TypoReports;

public sealed class TypoReportEndpointTests : IDisposable
{
    private const string Body = "The council approved the budget on Tuesday.\n\nThe mayor said the budget was fair, and the opposition said the budjet was not.";
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public TypoReportEndpointTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    private Task<Article> ArticleAsync(ArticleStatus status = ArticleStatus.Published) =>
        publication.ArticleAsync("Council approves the budget", status: status, lead: "A long night at city hall.", body: Body);

    private Task<List<TypoReport>> ReportsAsync() =>
        app.WithDbAsync(db => db.TypoReports.AsNoTracking().OrderBy(r => r.Id).ToListAsync());

    [Fact]
    public async Task Accepts_a_report_of_words_that_are_in_the_article_and_thanks_the_reader()
    {
        var article = await ArticleAsync();

        var (response, answer) = await SendAsync(app, Report(article.Id, "budjet", "and the opposition said the ", " was not.", "budget", "Typo"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("Thank you! Now the editors are aware.", answer.GetProperty("message").GetString());
        var report = Assert.Single(await ReportsAsync());
        Assert.Equal((article.Id, "budjet", "budget", "Typo", 1, TypoReportStatus.Open),
            (report.ArticleId, report.Fragment, report.Suggestion, report.Comment, report.Count, report.Status));
        Assert.Equal(BroadsheetApp.DefaultNow.UtcDateTime, report.CreatedAt);
    }

    [Fact]
    public async Task Accepts_words_in_the_headline_the_lead_and_across_paragraphs_of_the_body()
    {
        var article = await ArticleAsync();

        var headline = await SendAsync(app, Report(article.Id, "approves", "Council ", " the budget"));
        var lead = await SendAsync(app, Report(article.Id, "city hall", "A long night at ", "."));
        var acrossParagraphs = await SendAsync(app, Report(article.Id, "Tuesday. The mayor", "budget on ", " said"));

        Assert.All([headline, lead, acrossParagraphs], r => Assert.Equal(HttpStatusCode.Accepted, r.Response.StatusCode));
    }

    [Fact]
    public async Task Refuses_a_fragment_that_is_not_in_the_text()
    {
        var article = await ArticleAsync();

        var (response, answer) = await SendAsync(app, Report(article.Id, "deficit"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not in the article", answer.GetProperty("error").GetString());
        Assert.Empty(await ReportsAsync());
    }

    [Fact]
    public async Task Refuses_words_that_are_in_the_text_but_not_in_that_context()
    {
        var article = await ArticleAsync();

        var (response, _) = await SendAsync(app, Report(article.Id, "budget", "The mayor rejected the ", " outright"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await ReportsAsync());
    }

    [Theory]
    [InlineData("fragment")]
    [InlineData("before")]
    [InlineData("after")]
    [InlineData("suggestion")]
    [InlineData("comment")]
    public async Task Refuses_an_overlong_field(string field)
    {
        var article = await ArticleAsync();
        var fields = new Dictionary<string, object>
        {
            ["articleId"] = article.Id, ["fragment"] = "budjet", ["before"] = "said the ", ["after"] = " was",
            ["suggestion"] = "budget", ["comment"] = "",
        };
        fields[field] = new string('x', field == "comment" ? 501 : field is "before" or "after" ? 81 : 257);

        var (response, answer) = await SendAsync(app, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(answer.GetProperty("error").GetString()));
        Assert.Empty(await ReportsAsync());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"articleId\":\"twelve\",\"fragment\":\"budjet\"}")]
    [InlineData("[]")]
    public async Task Refuses_a_body_it_cannot_read_with_a_message_and_never_a_server_error(string json)
    {
        await ArticleAsync();
        using var content = new StringContent(json, Encoding.UTF8, "application/json");

        var response = await app.Reader().PostAsync("/api/typo-reports", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"error\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Refuses_a_fragment_with_a_nul_character()
    {
        var article = await ArticleAsync();

        var (response, _) = await SendAsync(app, Report(article.Id, "budjet", comment: "a\0b"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Keeps_hostile_html_in_every_field_as_inert_text()
    {
        const string tag = "<img src=x onerror=alert(1)>";
        var article = await publication.ArticleAsync("Forms", body: @"Readers typed \<img src=x onerror=alert(1)\> into the form.");
        string[] sent = [tag, "Readers typed ", " into the form.", "<script>alert(1)</script>", "<b onmouseover=alert(1)>look</b>"];

        var (response, _) = await SendAsync(app, new
        {
            articleId = article.Id, fragment = sent[0], before = sent[1], after = sent[2], suggestion = sent[3], comment = sent[4],
        });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var report = Assert.Single(await ReportsAsync());
        string[] stored = [report.Fragment, report.Before, report.After, report.Suggestion, report.Comment];
        Assert.Equal(sent, stored);
        foreach (var value in stored)
        {
            // As a Razor page in the newsroom will show it: encoded, so it parses back as text and never as markup.
            var shown = new HtmlParser().ParseDocument($"<div>{HtmlEncoder.Default.Encode(value)}</div>").QuerySelector("div")!;
            Assert.Empty(shown.Children);
            Assert.Equal(value, shown.TextContent);
        }
    }

    [Fact]
    public async Task Folds_identical_reports_into_one_with_a_count()
    {
        var article = await ArticleAsync();
        var report = Report(article.Id, "budjet", "opposition said the ", " was not.", "budget");

        await SendAsync(app, report);
        var (_, answer) = await SendAsync(app, report);
        await SendAsync(app, Report(article.Id, "budjet", "opposition said the ", " was not.", "budget plan"));

        var reports = await ReportsAsync();
        Assert.Equal(2, reports.Count);
        Assert.Equal(2, reports[0].Count);
        Assert.Equal(2, answer.GetProperty("count").GetInt32());
        Assert.Equal(1, reports[1].Count);
    }

    [Fact]
    public async Task Answers_too_many_reports_from_one_address_with_429_and_a_message()
    {
        app.Settings["Broadsheet:TypoReports:PerMinute"] = "2";
        var article = await ArticleAsync();

        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(app, Report(article.Id, "budjet"))).Response.StatusCode);
        var (response, answer) = await SendAsync(app, Report(article.Id, "budjet"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains("Too many reports", answer.GetProperty("error").GetString());
        Assert.Equal(2, Assert.Single(await ReportsAsync()).Count);
    }

    [Theory]
    [InlineData(ArticleStatus.Draft)]
    [InlineData(ArticleStatus.Unpublished)]
    public async Task Refuses_reports_on_articles_readers_cannot_see(ArticleStatus status)
    {
        var hidden = await ArticleAsync(status);

        var (response, answer) = await SendAsync(app, Report(hidden.Id, "budjet"));
        var (unknown, _) = await SendAsync(app, Report(987654, "budjet"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.False(string.IsNullOrEmpty(answer.GetProperty("error").GetString()));
        Assert.Empty(await ReportsAsync());
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "https://elsewhere.example")]
    public async Task Refuses_reports_sent_from_another_sites_pages(string header, string value)
    {
        var article = await ArticleAsync();

        var (response, _) = await SendAsync(app, Report(article.Id, "budjet"), (header, value));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await ReportsAsync());
    }

    [Fact]
    public async Task Accepts_a_report_from_the_sites_own_page()
    {
        var article = await ArticleAsync();

        var (response, _) = await SendAsync(app, Report(article.Id, "budjet"), ("Sec-Fetch-Site", "same-origin"), ("Origin", "http://localhost"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Answers_in_russian_on_a_russian_site()
    {
        await publication.SettingsAsync(s => s.Language = "ru");
        var article = await publication.ArticleAsync("Бюджет принят", body: "Депутаты утвердили бюджэт города.");

        var (ok, thanks) = await SendAsync(app, Report(article.Id, "бюджэт", "Депутаты утвердили ", " города.", "бюджет"));
        var (_, refusal) = await SendAsync(app, Report(article.Id, "дефицит"));

        Assert.Equal(HttpStatusCode.Accepted, ok.StatusCode);
        Assert.Equal("Спасибо! Редакция уже в курсе.", thanks.GetProperty("message").GetString());
        Assert.Contains("Такого текста в статье сейчас нет", refusal.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Refuses_a_body_that_is_not_json()
    {
        var article = await ArticleAsync();
        using var content = new StringContent($"articleId={article.Id}&fragment=budjet", Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        var response = await app.Reader().PostAsync("/api/typo-reports", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
