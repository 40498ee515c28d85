using System.Net;
using Broadsheet.Features.Newsletter;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Newsletter;

public sealed class SignUpTests : IDisposable
{
    private readonly LoopbackSmtpServer smtp = new();
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;
    private readonly NewsletterSteps steps;

    public SignUpTests()
    {
        NewsletterSteps.Configure(app, smtp);
        publication = new TestPublication(app);
        steps = new NewsletterSteps(() => app, smtp);
    }

    public void Dispose()
    {
        app.Dispose();
        smtp.Dispose();
    }

    [Fact]
    public async Task An_article_page_carries_one_sign_up_form_in_its_footer_that_works_without_script()
    {
        var article = await publication.ArticleAsync("Council approves the budget");
        var page = await app.GetPageAsync(PageUrl.Of(app, article));

        // One form, not a second one under the article as before (issue 17: readers saw it twice).
        var forms = page.QuerySelectorAll("form[action='/newsletter/sign-up']");
        Assert.Single(forms);
        Assert.All(forms, f => Assert.Equal("post", f.GetAttribute("method")));
        Assert.All(forms, f => Assert.NotNull(f.QuerySelector("input[name=email][type=email]")));
        Assert.NotNull(page.QuerySelector("footer form[action='/newsletter/sign-up']"));
    }

    [Fact]
    public async Task Sign_up_thanks_the_reader_and_mails_a_link_that_confirms_the_subscription()
    {
        var politics = await publication.RubricAsync("Politics");
        using var response = await steps.SignUpAsync("Reader@Example.org", "weekly", alerts: true, "politics");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/newsletter/thanks", response.Headers.Location!.OriginalString);
        var thanks = await app.GetPageAsync("/newsletter/thanks");
        Assert.Equal("Thank you!", thanks.QuerySelector("h1")!.TextContent);

        var mail = await smtp.WaitForMailToAsync("reader@example.org");
        Assert.Equal("news@broadsheet.test", mail.From);
        Assert.Contains("Confirm", mail.Message.Subject);
        Assert.NotNull(mail.Message.HtmlBody);
        var pending = await steps.FindAsync("reader@example.org");
        Assert.Equal(SubscriberState.Pending, pending!.State);

        var link = NewsletterSteps.LinkIn(mail, "/newsletter/confirm?token=");
        using var opened = await app.Reader().GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(SubscriberState.Pending, (await steps.FindAsync("reader@example.org"))!.State);

        using var confirmed = await steps.PressButtonAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var subscriber = await steps.FindAsync("reader@example.org");
        Assert.Equal(SubscriberState.Confirmed, subscriber!.State);
        Assert.Equal(DigestFrequency.Weekly, subscriber.Frequency);
        Assert.True(subscriber.BreakingAlerts);
        Assert.Equal([politics.Id], subscriber.Rubrics.Select(r => r.RubricId));
    }

    [Fact]
    public async Task Russian_site_thanks_in_russian()
    {
        await publication.SettingsAsync(s => s.Language = "ru");
        var thanks = await app.GetPageAsync("/newsletter/thanks");
        Assert.Equal("Спасибо!", thanks.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Json_sign_up_is_accepted_with_202_and_the_same_answer_whatever_the_address_state()
    {
        await steps.AddConfirmedAsync(BroadsheetApp.DefaultNow.UtcDateTime, false, "known@example.org");

        using var first = await steps.SignUpJsonAsync(new { email = "new@example.org", rubrics = Array.Empty<string>(), frequency = "daily" });
        using var again = await steps.SignUpJsonAsync(new { email = "new@example.org", rubrics = Array.Empty<string>(), frequency = "daily" });
        using var known = await steps.SignUpJsonAsync(new { email = "known@example.org", rubrics = Array.Empty<string>(), frequency = "daily" });

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        var answer = await first.Content.ReadAsStringAsync();
        Assert.Equal(answer, await again.Content.ReadAsStringAsync());
        Assert.Equal(answer, await known.Content.ReadAsStringAsync());
        Assert.Contains("Thank you!", answer);
    }

    [Fact]
    public async Task Simultaneous_sign_ups_for_one_new_address_all_get_202_and_one_mail()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            steps.SignUpJsonAsync(new { email = "rush@example.org", frequency = "daily" })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        await smtp.WaitForMailToAsync("rush@example.org");
        await Task.Delay(200);
        Assert.Single(smtp.To("rush@example.org"));
        foreach (var r in responses) r.Dispose();
    }

    [Fact]
    public async Task Signing_up_again_soon_sends_no_second_mail()
    {
        for (var i = 0; i < 3; i++) (await steps.SignUpAsync("twice@example.org")).Dispose();
        await smtp.WaitForMailToAsync("twice@example.org");
        await Task.Delay(200);
        Assert.Single(smtp.To("twice@example.org"));

        app.Clock.Advance(TimeSpan.FromMinutes(16));
        (await steps.SignUpAsync("twice@example.org")).Dispose();
        await smtp.WaitForMailToAsync("twice@example.org", 2);
    }

    [Fact]
    public async Task Unconfirmed_sign_ups_expire_and_their_link_stops_working()
    {
        (await steps.SignUpAsync("late@example.org")).Dispose();
        var link = NewsletterSteps.LinkIn(await smtp.WaitForMailToAsync("late@example.org"), "/newsletter/confirm?token=");

        app.Clock.Advance(TimeSpan.FromHours(49));
        await steps.TickAsync();

        Assert.Null(await steps.FindAsync("late@example.org"));
        using var expired = await app.Reader().GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Contains("invalid or has expired", await expired.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_forged_or_tampered_confirmation_token_confirms_nothing()
    {
        (await steps.SignUpAsync("victim@example.org")).Dispose();
        var link = NewsletterSteps.LinkIn(await smtp.WaitForMailToAsync("victim@example.org"), "/newsletter/confirm?token=");
        var token = Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        using var response = await app.Reader().GetAsync("/newsletter/confirm?token=" + Uri.EscapeDataString(tampered));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(SubscriberState.Pending, (await steps.FindAsync("victim@example.org"))!.State);
    }

    [Fact]
    public async Task Preferences_link_changes_rubrics_and_frequency_without_sign_in()
    {
        await publication.RubricAsync("Politics");
        var culture = await publication.RubricAsync("Culture");
        await steps.SubscribeAsync("prefs@example.org", "daily", false, "politics");
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        (await steps.SignUpAsync("prefs@example.org")).Dispose();
        var mail = await smtp.WaitForMailToAsync("prefs@example.org", 2);
        var link = NewsletterSteps.LinkIn(mail, "/newsletter/preferences?token=");
        var client = app.Reader();
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync(new Uri(link).PathAndQuery));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var hidden = page.QuerySelector("input[name=token]")!.GetAttribute("value")!;

        using var saved = await client.PostAsync(new Uri(link).PathAndQuery, new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("token", hidden),
            new("rubrics", "culture"), new("frequency", "weekly"), new("alerts", "true"),
        ]));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var subscriber = await steps.FindAsync("prefs@example.org");
        Assert.Equal(DigestFrequency.Weekly, subscriber!.Frequency);
        Assert.True(subscriber.BreakingAlerts);
        Assert.Equal([culture.Id], subscriber.Rubrics.Select(r => r.RubricId));
    }

    [Fact]
    public async Task Signing_up_a_confirmed_address_again_does_not_change_its_choices()
    {
        await publication.RubricAsync("Politics");
        await steps.SubscribeAsync("mine@example.org", "weekly", false, "politics");
        (await steps.SignUpAsync("mine@example.org", "daily")).Dispose();

        var subscriber = await steps.FindAsync("mine@example.org");
        Assert.Equal(DigestFrequency.Weekly, subscriber!.Frequency);
        Assert.Single(subscriber.Rubrics);
    }
}
