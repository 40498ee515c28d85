using System.Net;
using Broadsheet.Features.Newsletter;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Newsletter;

public sealed class HostileInputTests : IDisposable
{
    private readonly LoopbackSmtpServer smtp = new();
    private readonly BroadsheetApp app = new();
    private readonly NewsletterSteps steps;

    public HostileInputTests()
    {
        NewsletterSteps.Configure(app, smtp);
        steps = new NewsletterSteps(() => app, smtp);
    }

    public void Dispose()
    {
        app.Dispose();
        smtp.Dispose();
    }

    private Task<int> SubscriberCountAsync() => app.WithDbAsync(db => db.Subscribers.CountAsync());

    public static TheoryData<string, string, string> BadSignUps => new()
    {
        { "reader@example.org\r\nBcc: everyone@example.org", "daily", "Line breaks" },
        { "reader@example.org\nSubject: spam", "daily", "Line breaks" },
        { "reader@example.org", "daily\r\nBcc: everyone@example.org", "Line breaks" },
        { new string('a', 250) + "@example.org", "daily", "too long" },
        { "not-an-address", "daily", "does not look like" },
        { "Some One <reader@example.org>", "daily", "does not look like" },
        { "reader@example", "daily", "does not look like" },
        { "<script>alert(1)</script>@example.org", "daily", "does not look like" },
        { "a@b.org, c@d.org", "daily", "does not look like" },
        { "", "daily", "enter your e-mail" },
        { "reader@example.org", "hourly", "daily or weekly" },
    };

    [Theory]
    [MemberData(nameof(BadSignUps))]
    public async Task Refuses_bad_json_sign_ups_with_a_clear_message_and_sends_nothing(string email, string frequency, string message)
    {
        using var response = await steps.SignUpJsonAsync(new { email, rubrics = Array.Empty<string>(), frequency });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await SubscriberCountAsync());
        await Task.Delay(100);
        Assert.Empty(smtp.Received);
    }

    [Fact]
    public async Task Refuses_a_line_break_in_a_rubric()
    {
        using var response = await steps.SignUpJsonAsync(new { email = "reader@example.org", rubrics = new List<string> { "politics\r\nBcc: x@example.org" }, frequency = "daily" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await SubscriberCountAsync());
    }

    [Fact]
    public async Task Refuses_too_many_rubrics()
    {
        var rubrics = Enumerable.Range(0, 60).Select(i => $"rubric-{i}").ToArray();
        using var response = await steps.SignUpJsonAsync(new { email = "reader@example.org", rubrics, frequency = "daily" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Bad_form_sign_up_comes_back_to_the_form_with_the_message()
    {
        using var response = await steps.SignUpAsync("reader@example.org\r\nBcc: everyone@example.org");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await app.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Line breaks are not allowed in these fields.", page.QuerySelector(".newsletter__problem")!.TextContent);
        Assert.Equal(0, await SubscriberCountAsync());
    }

    [Fact]
    public async Task The_form_page_ignores_an_unknown_problem_in_its_address()
    {
        var page = await app.GetPageAsync("/newsletter?problem=%3Cscript%3Ealert(1)%3C/script%3E");
        Assert.Equal("Newsletter", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("form[action='/newsletter/sign-up'] input[name=email]"));
        Assert.Null(page.QuerySelector(".newsletter__problem"));
        Assert.Empty(page.QuerySelectorAll("main script"));
    }

    [Fact]
    public async Task Too_many_attempts_for_one_address_get_429_with_a_message()
    {
        for (var i = 0; i < 5; i++)
        {
            using var ok = await steps.SignUpJsonAsync(new { email = "target@example.org", frequency = "daily" });
            Assert.Equal(HttpStatusCode.Accepted, ok.StatusCode);
        }
        using var refused = await steps.SignUpJsonAsync(new { email = "target@example.org", frequency = "daily" });

        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.Contains("Too many sign-up attempts", await refused.Content.ReadAsStringAsync());
        Assert.Single(smtp.To("target@example.org"));
    }

    [Fact]
    public async Task Too_many_attempts_from_one_client_get_429_on_the_form_too()
    {
        app.Settings["Broadsheet:Newsletter:SignUpsPerClientPer10Minutes"] = "3";
        for (var i = 0; i < 3; i++)
        {
            using var ok = await steps.SignUpAsync($"reader{i}@example.org");
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }
        using var refused = await steps.SignUpAsync("reader9@example.org");
        using var json = await steps.SignUpJsonAsync(new { email = "reader10@example.org", frequency = "daily" });

        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.Contains("Too many sign-up attempts", await refused.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode)429, json.StatusCode);
        Assert.Contains("Too many sign-up attempts", await json.Content.ReadAsStringAsync());
        Assert.Null(await steps.FindAsync("reader9@example.org"));
    }

    [Fact]
    public async Task Refuses_sign_ups_posted_from_another_site()
    {
        var client = app.Reader();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/newsletter/sign-up")
        {
            Content = new FormUrlEncodedContent([new("email", "victim@example.org")]),
        };
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await SubscriberCountAsync());
    }

    [Fact]
    public async Task Accepts_a_same_origin_browser_post()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/newsletter/subscriptions")
        {
            Content = new StringContent("""{"email":"reader@example.org","frequency":"weekly"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", "http://localhost");
        using var response = await app.Reader().SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
