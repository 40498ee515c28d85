using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Broadsheet.Tests.Comments;
using Broadsheet.Tests.Newsletter;
using Broadsheet.Tests.Support;
using Broadsheet.Tests.TypoReports;

namespace Broadsheet.Tests.Security;

/// <summary>Every 429 the site gives says when to come back, and coming back then works.</summary>
public sealed class RetryAfterTests : IDisposable
{
    private readonly LoopbackSmtpServer smtp = new();
    private readonly BroadsheetApp app = new();
    private readonly NewsletterSteps newsletter;

    public RetryAfterTests()
    {
        NewsletterSteps.Configure(app, smtp);
        newsletter = new NewsletterSteps(() => app, smtp);
    }

    public void Dispose()
    {
        app.Dispose();
        smtp.Dispose();
    }

    [Fact]
    public async Task The_newsletter_limit_per_address_says_when_to_retry_on_json_and_on_the_form()
    {
        app.Settings["Broadsheet:Newsletter:SignUpsPerAddressPerHour"] = "2";
        for (var i = 0; i < 2; i++) (await newsletter.SignUpJsonAsync(new { email = "target@example.org", frequency = "daily" })).Dispose();

        using var json = await newsletter.SignUpJsonAsync(new { email = "target@example.org", frequency = "daily" });
        using var form = await newsletter.SignUpAsync("target@example.org");

        Assert.Equal(HttpStatusCode.TooManyRequests, json.StatusCode);
        Assert.InRange(AccountForms.RetryAfter(json), 1, 3600);
        Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
        Assert.InRange(AccountForms.RetryAfter(form), 1, 3600);
    }

    [Fact]
    public async Task The_newsletter_limit_per_client_says_when_to_retry()
    {
        app.Settings["Broadsheet:Newsletter:SignUpsPerClientPer10Minutes"] = "1";
        (await newsletter.SignUpAsync("first@example.org")).Dispose();

        using var form = await newsletter.SignUpAsync("second@example.org");

        Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
        Assert.InRange(AccountForms.RetryAfter(form), 1, 600);
    }

    [Fact]
    public async Task The_comment_limit_a_minute_says_when_to_retry_on_the_api_and_the_form()
    {
        app.WithoutPreModeration();
        var article = await app.OpenArticleAsync();
        var (_, reader) = await app.ReaderAsync();
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.Created, (await reader.CommentAsync(article.Id, $"Comment number {i}")).Status);
        app.Clock.Advance(TimeSpan.FromSeconds(20));

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/articles/{article.Id}/comments")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { text = "One too many" }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("RequestVerificationToken", await reader.TokenAsync());
        using var api = await reader.SendAsync(request);
        using var form = await reader.SubmitAsync($"/articles/{article.Id}/comments", null, ("Text", "One too many, by the form"));

        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Equal(40, AccountForms.RetryAfter(api));
        Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
        Assert.Equal(40, AccountForms.RetryAfter(form));
        app.Clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(HttpStatusCode.Created, (await reader.CommentAsync(article.Id, "Now it fits")).Status);
    }

    [Fact]
    public async Task The_comment_limit_a_day_says_when_to_retry()
    {
        app.WithoutPreModeration();
        app.Settings["Broadsheet:Comments:PerDay"] = "2";
        var article = await app.OpenArticleAsync();
        var (_, reader) = await app.ReaderAsync();
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await reader.CommentAsync(article.Id, $"Comment number {i}")).Status);
            app.Clock.Advance(TimeSpan.FromHours(1));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/articles/{article.Id}/comments")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { text = "One too many today" }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("RequestVerificationToken", await reader.TokenAsync());
        using var api = await reader.SendAsync(request);

        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Equal((int)TimeSpan.FromHours(22).TotalSeconds, AccountForms.RetryAfter(api));
    }

    [Fact]
    public async Task Typo_reports_say_when_to_retry()
    {
        app.Settings["Broadsheet:TypoReports:PerMinute"] = "1";
        var article = await new TestPublication(app).ArticleAsync("Council approves the budjet", body: "The council approved the budjet on Tuesday.");
        await TypoReportPost.SendAsync(app, TypoReportPost.Report(article.Id, "budjet", "approved the ", " on Tuesday."));

        var (refused, _) = await TypoReportPost.SendAsync(app, TypoReportPost.Report(article.Id, "budjet", "approved the ", " on Tuesday."));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(AccountForms.RetryAfter(refused), 1, 60);
        refused.Dispose();
    }
}
