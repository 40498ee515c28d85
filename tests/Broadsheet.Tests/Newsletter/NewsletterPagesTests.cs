using System.Net;
using Broadsheet.Features.Newsletter;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Newsletter;

public sealed class NewsletterPagesTests : IDisposable
{
    private readonly LoopbackSmtpServer smtp = new();
    private readonly BroadsheetApp app = new();
    private readonly NewsletterSteps steps;

    public NewsletterPagesTests()
    {
        NewsletterSteps.Configure(app, smtp);
        steps = new NewsletterSteps(() => app, smtp);
    }

    public void Dispose()
    {
        app.Dispose();
        smtp.Dispose();
    }

    [Fact]
    public async Task The_confirmed_page_links_to_the_subscribers_preferences()
    {
        (await steps.SignUpAsync("new@example.org", "daily", false)).Dispose();
        var link = NewsletterSteps.LinkIn(await smtp.WaitForMailToAsync("new@example.org"), "/newsletter/confirm?token=");
        using var confirmed = await steps.PressButtonAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var page = await app.GetPageAsync(confirmed.Headers.Location!.OriginalString);
        var preferences = page.QuerySelector("main a[href^='/newsletter/preferences?token=']")!;
        var form = await app.GetPageAsync(preferences.GetAttribute("href")!);
        Assert.NotNull(form.QuerySelector("main form"));
    }

    [Fact]
    public async Task The_unsubscribe_page_names_the_address_and_its_state_and_offers_to_subscribe_again()
    {
        await steps.SubscribeAsync("leaver@example.org");
        var link = NewsletterSteps.UnsubscribeHeaderLink(smtp.To("leaver@example.org")[0]);
        var path = new Uri(link).PathAndQuery;

        var asking = await app.GetPageAsync(path);
        Assert.Equal("leaver@example.org", asking.QuerySelector(".newsletter__address strong")!.TextContent);
        Assert.Equal("subscribed", asking.QuerySelector(".newsletter__state")!.TextContent);

        (await steps.PressButtonAsync(link)).Dispose();
        var after = await app.GetPageAsync(path);
        Assert.Equal("unsubscribed", after.QuerySelector(".newsletter__state")!.TextContent);
        Assert.Equal("Subscribe again", after.QuerySelector("main form button")!.TextContent);
        Assert.Equal(SubscriberState.Unsubscribed, (await steps.FindAsync("leaver@example.org"))!.State);

        using var back = await steps.PressButtonAsync(link);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        var page = await back.ParseAsync();
        Assert.Equal("subscribed", page.QuerySelector(".newsletter__state")!.TextContent);
        Assert.NotNull(page.QuerySelector("main a[href^='/newsletter/preferences?token=']"));
        Assert.Equal(SubscriberState.Confirmed, (await steps.FindAsync("leaver@example.org"))!.State);
    }

    [Fact]
    public async Task A_forged_link_cannot_subscribe_anyone_again()
    {
        using var response = await app.Reader().PostAsync("/newsletter/unsubscribe?handler=Resubscribe&token=forged", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
