using Broadsheet.Features.Articles;
using Broadsheet.Features.Newsletter;
using Broadsheet.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Newsletter;

public sealed class DeliveryTests : IDisposable
{
    private static readonly DateTimeOffset NextMorning = new(2024, 5, 16, 4, 30, 0, TimeSpan.Zero);

    private readonly LoopbackSmtpServer smtp = new();
    private BroadsheetApp app = new();
    private readonly TestPublication publication;
    private readonly NewsletterSteps steps;

    public DeliveryTests()
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

    private static string[] Readers(int count) => [.. Enumerable.Range(1, count).Select(i => $"reader{i}@example.org")];

    private async Task NewsForTomorrowAsync(params string[] readers)
    {
        await steps.AddConfirmedAsync(app.Clock.GetUtcNow().UtcDateTime, false, readers);
        await publication.ArticleAsync("Fresh news", app.Clock.GetUtcNow().UtcDateTime.AddHours(1));
        app.Clock.Set(NextMorning);
    }

    [Fact]
    public async Task Temporary_failures_are_retried_after_a_growing_wait()
    {
        var readers = Readers(3);
        await NewsForTomorrowAsync(readers);
        smtp.FailNext(2);

        await steps.TickAsync();
        Assert.Empty(smtp.Received);
        var first = (await steps.DeliveriesAsync())[0];
        Assert.Equal(DeliveryState.Pending, first.State);
        Assert.Equal(NextMorning.UtcDateTime.AddSeconds(60), first.NextAttemptAt);
        Assert.StartsWith("451", first.LastError);

        app.Clock.Advance(TimeSpan.FromSeconds(61));
        await steps.TickAsync();
        Assert.Empty(smtp.Received);
        Assert.Equal(NextMorning.UtcDateTime.AddSeconds(61 + 120), (await steps.DeliveriesAsync())[0].NextAttemptAt);

        // The others go out meanwhile; the one that failed waits out its back-off.
        app.Clock.Advance(TimeSpan.FromSeconds(60));
        await steps.TickAsync();
        Assert.Empty(smtp.To(readers[0]));
        Assert.Single(smtp.To(readers[1]));

        app.Clock.Advance(TimeSpan.FromSeconds(61));
        await steps.TickAsync();
        Assert.All(readers, r => Assert.Single(smtp.To(r)));
        var deliveries = await steps.DeliveriesAsync();
        Assert.All(deliveries, d => Assert.Equal(DeliveryState.Sent, d.State));
        Assert.Equal(3, deliveries[0].Attempts);
    }

    [Fact]
    public async Task Each_subscriber_gets_the_digest_exactly_once_across_a_restart_mid_run()
    {
        var readers = Readers(7);
        await NewsForTomorrowAsync(readers);
        smtp.AcceptOnly(3);

        await steps.TickAsync();
        Assert.Equal(3, smtp.Received.Count);

        app = app.Restart();
        smtp.AcceptAll();
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await steps.TickAsync();

        Assert.Equal(7, smtp.Received.Count);
        Assert.All(readers, r => Assert.Single(smtp.To(r)));
        var run = Assert.Single(await app.Services.CreateScope().ServiceProvider.GetRequiredService<NewsletterDesk>().RecentRunsAsync(5, default));
        Assert.Equal((7, 0, 0), (run.Sent, run.Pending, run.Failed));
        Assert.NotNull(run.Finished);

        app.Clock.Advance(TimeSpan.FromHours(1));
        await steps.TickAsync();
        Assert.Equal(7, smtp.Received.Count);
    }

    [Fact]
    public async Task Two_senders_working_through_one_run_send_each_message_once()
    {
        app.Settings["Broadsheet:Newsletter:BatchSize"] = "5";
        var readers = Readers(20);
        await NewsForTomorrowAsync(readers);
        await app.WithDbAsync(db => app.Services.CreateScope().ServiceProvider.GetRequiredService<DigestEditions>().PlanDueAsync(default));

        // A second dispatcher with a lock of its own stands for a second web node.
        var first = app.Services.GetRequiredService<DigestDispatch>();
        var second = ActivatorUtilities.CreateInstance<DigestDispatch>(app.Services);
        await Task.WhenAll(first.SendPendingAsync(default), second.SendPendingAsync(default));

        Assert.Equal(20, smtp.Received.Count);
        Assert.All(readers, r => Assert.Single(smtp.To(r)));
    }

    [Fact]
    public async Task Sends_in_batches_over_one_connection_each()
    {
        app.Settings["Broadsheet:Newsletter:BatchSize"] = "4";
        var readers = Readers(10);
        await NewsForTomorrowAsync(readers);

        await steps.TickAsync();

        Assert.All(readers, r => Assert.Single(smtp.To(r)));
    }

    [Fact]
    public async Task A_delivery_is_given_up_after_the_last_attempt_and_shows_as_a_failure()
    {
        app.Settings["Broadsheet:Newsletter:MaxAttempts"] = "2";
        await NewsForTomorrowAsync("stuck@example.org");
        smtp.FailNext(10);

        await steps.TickAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await steps.TickAsync();

        var delivery = Assert.Single(await steps.DeliveriesAsync());
        Assert.Equal(DeliveryState.Failed, delivery.State);
        var desk = app.Services.CreateScope().ServiceProvider.GetRequiredService<NewsletterDesk>();
        var failure = Assert.Single(await desk.FailuresAsync(10, default));
        Assert.Equal("stuck@example.org", failure.Email);
        var editor = await app.SignedInAsync("Editor");
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await editor.GetStringAsync("/newsroom/newsletter"));
        Assert.Contains("stuck@example.org", page.QuerySelector(".newsletter-desk__failures")!.TextContent);
    }

    [Fact]
    public async Task The_newsroom_desk_is_for_editors_only()
    {
        using var anonymous = await app.Reader().GetAsync("/newsroom/newsletter");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, anonymous.StatusCode);
        using var author = await (await app.SignedInAsync("Author")).GetAsync("/newsroom/newsletter");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, author.StatusCode);
    }

    [Fact]
    public async Task An_unreachable_server_keeps_the_digest_pending()
    {
        var readers = Readers(2);
        await NewsForTomorrowAsync(readers);
        await smtp.DisposeAsync();

        await steps.TickAsync();

        var deliveries = await steps.DeliveriesAsync();
        Assert.All(deliveries, d => Assert.Equal(DeliveryState.Pending, d.State));
        Assert.NotNull(deliveries[0].LastError);
    }

    [Fact]
    public async Task Breaking_alert_goes_once_to_those_who_opted_in()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await steps.AddConfirmedAsync(now, true, "alerts@example.org");
        await steps.AddConfirmedAsync(now, false, "quiet@example.org");
        var article = await publication.ArticleAsync("Earthquake in the capital", now.AddMinutes(-5), lead: "A strong tremor was felt.");
        var desk = app.Services.CreateScope().ServiceProvider.GetRequiredService<NewsletterDesk>();

        Assert.Equal(1, await desk.SendBreakingAlertAsync(article.Id, default));
        Assert.Null(await desk.SendBreakingAlertAsync(article.Id, default));

        var alert = Assert.Single(smtp.To("alerts@example.org"));
        Assert.Equal("Breaking: Earthquake in the capital", alert.Message.Subject);
        Assert.Contains("A strong tremor was felt.", alert.Text);
        Assert.NotNull(alert.Header("List-Unsubscribe"));
        Assert.Empty(smtp.To("quiet@example.org"));
    }

    [Fact]
    public async Task No_alert_for_an_article_readers_cannot_see()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await steps.AddConfirmedAsync(now, true, "alerts@example.org");
        var draft = await publication.ArticleAsync("Not yet", now, ArticleStatus.Draft);
        var desk = app.Services.CreateScope().ServiceProvider.GetRequiredService<NewsletterDesk>();

        Assert.Null(await desk.SendBreakingAlertAsync(draft.Id, default));
        Assert.Empty(smtp.Received);
    }
}
