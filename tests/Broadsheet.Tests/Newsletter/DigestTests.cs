using Broadsheet.Features.Articles;
using System.Net;
using AngleSharp.Html.Parser;
using Broadsheet.Features.Newsletter;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Newsletter;

public sealed class DigestTests : IDisposable
{
    // 04:30 UTC is 07:30 in Moscow, just after the daily digest's 07:00.
    private static readonly DateTimeOffset NextMorning = new(2024, 5, 16, 4, 30, 0, TimeSpan.Zero);

    private readonly LoopbackSmtpServer smtp = new();
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;
    private readonly NewsletterSteps steps;

    public DigestTests()
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
    public async Task Digest_carries_only_the_days_news_in_the_chosen_rubrics()
    {
        var politics = await publication.RubricAsync("Politics");
        var culture = await publication.RubricAsync("Culture");
        var now = app.Clock.GetUtcNow().UtcDateTime;
        // Before the day the edition covers (it covers the 24 hours to 07:00 Moscow time on the 16th).
        await publication.ArticleAsync("Old politics story", now.AddHours(-30), rubric: politics);
        await steps.SubscribeAsync("reader@example.org", "daily", false, "politics");
        await publication.ArticleAsync("Council approves the budget", now.AddHours(2), rubric: politics,
            lead: string.Join(' ', Enumerable.Repeat("The council met late into the night.", 12)));
        await publication.ArticleAsync("Theatre season opens", now.AddHours(2), rubric: culture);
        await publication.ArticleAsync("Draft politics story", now.AddHours(2), ArticleStatus.Draft, rubric: politics);
        await publication.ArticleAsync("Scheduled politics story", NextMorning.UtcDateTime.AddHours(5), ArticleStatus.Scheduled, rubric: politics);

        app.Clock.Set(NextMorning);
        await steps.TickAsync();

        var digest = await smtp.WaitForMailToAsync("reader@example.org", 2);
        Assert.Equal("Broadsheet: the news of 16 May", digest.Message.Subject);
        var html = new HtmlParser().ParseDocument(digest.Html);
        var headlines = html.QuerySelectorAll("h2 a, h4 a").Select(a => a.TextContent).ToList();
        Assert.Equal(["Council approves the budget"], headlines);
        Assert.Equal("https://news.test/2024/05/15/council-approves-the-budget", html.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Contains("Broadsheet", html.QuerySelector("h1")!.TextContent);
        Assert.Equal("Thursday, 16 May 2024", html.QuerySelector(".masthead p")!.TextContent);
        var teaser = html.QuerySelector(".teaser")!.TextContent;
        Assert.EndsWith("…", teaser);
        Assert.True(teaser.Length <= 181);
        Assert.Contains("Council approves the budget", digest.Text);
        Assert.Contains("https://news.test/2024/05/15/council-approves-the-budget", digest.Text);
        Assert.DoesNotContain("Theatre", digest.Text);
        Assert.DoesNotContain("Old politics", digest.Text);
        Assert.DoesNotContain("Scheduled", digest.Text);
    }

    [Fact]
    public async Task Every_digest_has_one_click_unsubscribe_headers_and_a_preferences_link()
    {
        await steps.SubscribeAsync("reader@example.org");
        await publication.ArticleAsync("Fresh news", app.Clock.GetUtcNow().UtcDateTime.AddHours(1));
        app.Clock.Set(NextMorning);
        await steps.TickAsync();

        var digest = await smtp.WaitForMailToAsync("reader@example.org", 2);
        var header = digest.Header("List-Unsubscribe")!;
        Assert.Matches(@"^<https://news\.test/newsletter/unsubscribe\?token=[^>\s]+>$", header);
        Assert.Equal("List-Unsubscribe=One-Click", digest.Header("List-Unsubscribe-Post"));
        var html = new HtmlParser().ParseDocument(digest.Html);
        Assert.Contains(html.QuerySelectorAll("a"), a => a.GetAttribute("href")!.StartsWith("https://news.test/newsletter/preferences?token=", StringComparison.Ordinal));
        Assert.Contains("https://news.test/newsletter/preferences?token=", digest.Text);
    }

    [Fact]
    public async Task Nothing_is_sent_when_nothing_is_new_and_an_edition_is_planned_once()
    {
        await steps.SubscribeAsync("reader@example.org");
        app.Clock.Set(NextMorning);
        await steps.TickAsync();
        await publication.ArticleAsync("Published after the edition", NextMorning.UtcDateTime.AddMinutes(10));
        app.Clock.Advance(TimeSpan.FromHours(1));
        await steps.TickAsync();
        await Task.Delay(200);

        Assert.Single(smtp.To("reader@example.org"));
        Assert.Empty(await steps.DeliveriesAsync());

        // The next morning's edition picks it up: the window starts where the last edition ended.
        app.Clock.Set(NextMorning.AddDays(1));
        await steps.TickAsync();
        var digest = await smtp.WaitForMailToAsync("reader@example.org", 2);
        Assert.Contains("Published after the edition", digest.Text);
    }

    [Fact]
    public async Task Readers_of_one_edition_each_get_their_own_address_and_links_and_the_link_in_the_letter_unsubscribes_only_them()
    {
        // The edition is laid out once for everyone with the same news; only the address and links differ.
        string[] readers = ["first@example.org", "second@example.org", "third@example.org"];
        foreach (var reader in readers) await steps.SubscribeAsync(reader);
        await publication.ArticleAsync("Fresh news", app.Clock.GetUtcNow().UtcDateTime.AddHours(1));
        app.Clock.Set(NextMorning);
        await steps.TickAsync();

        var letters = new List<(string Reader, string Unsubscribe, string Preferences)>();
        foreach (var reader in readers)
        {
            var digest = await smtp.WaitForMailToAsync(reader, 2);
            Assert.Equal([reader], digest.Message.To.Mailboxes.Select(m => m.Address));
            Assert.Contains("Fresh news", digest.Text);
            var header = NewsletterSteps.UnsubscribeHeaderLink(digest);
            var html = new HtmlParser().ParseDocument(digest.Html);
            var hrefs = html.QuerySelectorAll(".footer a").Select(a => a.GetAttribute("href")!).ToList();
            Assert.Equal(2, hrefs.Count);
            var preferences = hrefs[0];
            // The same link in the header, the HTML footer and the text part; no placeholder left behind.
            Assert.Equal(header, hrefs[1]);
            Assert.Equal(header, NewsletterSteps.LinkIn(digest, "/newsletter/unsubscribe?token="));
            Assert.Equal(preferences, NewsletterSteps.LinkIn(digest, "/newsletter/preferences?token="));
            Assert.DoesNotContain("invalid", digest.Html + digest.Text, StringComparison.Ordinal);
            letters.Add((reader, header, preferences));
        }
        Assert.Equal(readers.Length, letters.Select(l => l.Unsubscribe).Distinct().Count());
        Assert.Equal(readers.Length, letters.Select(l => l.Preferences).Distinct().Count());

        using var done = await steps.PressButtonAsync(letters[1].Unsubscribe);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(SubscriberState.Unsubscribed, (await steps.FindAsync(readers[1]))!.State);
        Assert.Equal(SubscriberState.Confirmed, (await steps.FindAsync(readers[0]))!.State);
        Assert.Equal(SubscriberState.Confirmed, (await steps.FindAsync(readers[2]))!.State);
    }

    [Fact]
    public async Task One_click_unsubscribe_works_without_cookies_or_form_token()
    {
        await steps.SubscribeAsync("leaver@example.org");
        await publication.ArticleAsync("Fresh news", app.Clock.GetUtcNow().UtcDateTime.AddHours(1));
        app.Clock.Set(NextMorning);
        await steps.TickAsync();
        var link = NewsletterSteps.UnsubscribeHeaderLink(await smtp.WaitForMailToAsync("leaver@example.org", 2));

        // What a mail client sends under RFC 8058: a bare POST with this one field, from nowhere.
        using var mailClient = app.Reader();
        using var response = await mailClient.PostAsync(new Uri(link).PathAndQuery,
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SubscriberState.Unsubscribed, (await steps.FindAsync("leaver@example.org"))!.State);
        await publication.ArticleAsync("More news", NextMorning.UtcDateTime.AddHours(1));
        app.Clock.Set(NextMorning.AddDays(1));
        await steps.TickAsync();
        Assert.Equal(2, smtp.To("leaver@example.org").Count);
    }

    [Fact]
    public async Task Unsubscribe_link_asks_first_and_unsubscribes_on_the_button()
    {
        await steps.SubscribeAsync("leaver@example.org");
        var link = NewsletterSteps.UnsubscribeHeaderLink(smtp.To("leaver@example.org")[0]);

        var page = await app.GetPageAsync(new Uri(link).PathAndQuery);
        Assert.NotNull(page.QuerySelector("main form button"));
        Assert.Equal(SubscriberState.Confirmed, (await steps.FindAsync("leaver@example.org"))!.State);

        using var done = await steps.PressButtonAsync(link);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("You are unsubscribed", await done.Content.ReadAsStringAsync());
        Assert.Equal(SubscriberState.Unsubscribed, (await steps.FindAsync("leaver@example.org"))!.State);
    }

    [Fact]
    public async Task The_edition_opens_with_the_lead_picture_and_groups_the_rest_by_rubric_in_both_parts()
    {
        var politics = await publication.RubricAsync("Politics");
        var culture = await publication.RubricAsync("Culture");
        await steps.SubscribeAsync("reader@example.org");
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await publication.ArticleAsync("Budget passes", now.AddHours(1), rubric: politics);
        var lead = await publication.ArticleAsync("Flood in the old town", now.AddHours(2), rubric: politics);
        await app.WithDbAsync(async db =>
        {
            (await db.Articles.FindAsync(lead.Id))!.CoverImage = "/media/uploads/flood-1600w.jpg";
            await db.SaveChangesAsync();
        });
        await publication.ArticleAsync("Opera season opens", now.AddHours(3), rubric: culture);
        await publication.ArticleAsync("Mayor resigns", now.AddHours(4), rubric: politics);
        app.Clock.Set(NextMorning);
        await steps.TickAsync();

        var digest = await smtp.WaitForMailToAsync("reader@example.org", 2);
        var html = new HtmlParser().ParseDocument(digest.Html);
        Assert.Equal("Flood in the old town", html.QuerySelector("h2 a")!.TextContent);
        Assert.Equal("https://news.test/media/uploads/flood-960w.jpg", html.QuerySelector(".lead img")!.GetAttribute("src"));
        var rubrics = html.QuerySelectorAll(".rubric").Select(r => r.QuerySelector("h3")!.TextContent + ": " + string.Join(", ", r.QuerySelectorAll("h4 a").Select(a => a.TextContent))).ToList();
        Assert.Equal(["Politics: Mayor resigns, Budget passes", "Culture: Opera season opens"], rubrics);
        // Styles travel inline, as mail clients drop style sheets; and the text part tells the same in the same order.
        Assert.Empty(html.QuerySelectorAll("style"));
        Assert.Contains("font-size: 28px", html.QuerySelector("h1")!.GetAttribute("style"));
        string[] inOrder = ["Thursday, 16 May 2024", "Flood in the old town", "POLITICS", "Mayor resigns", "Budget passes", "CULTURE", "Opera season opens"];
        var order = inOrder.Select(t => digest.Text.IndexOf(t, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public async Task A_reader_who_subscribes_before_the_morning_edition_gets_it_with_the_days_news()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await publication.ArticleAsync("Yesterday evening's story", now.AddHours(8));
        // 06:30 Moscow time, half an hour before the edition.
        app.Clock.Set(NextMorning.AddHours(-1));
        await steps.SubscribeAsync("early@example.org");
        app.Clock.Set(NextMorning);
        await steps.TickAsync();

        var digest = await smtp.WaitForMailToAsync("early@example.org", 2);
        Assert.Contains("Yesterday evening's story", digest.Text);
    }

    [Fact]
    public async Task A_headline_with_markup_arrives_as_text()
    {
        await steps.SubscribeAsync("reader@example.org");
        await publication.ArticleAsync("<script>alert(1)</script> Budget <b>passed</b>", app.Clock.GetUtcNow().UtcDateTime.AddHours(1), slug: "budget-passed");
        app.Clock.Set(NextMorning);
        await steps.TickAsync();

        var digest = await smtp.WaitForMailToAsync("reader@example.org", 2);
        var html = new HtmlParser().ParseDocument(digest.Html);
        Assert.Empty(html.QuerySelectorAll("script"));
        Assert.Empty(html.QuerySelectorAll("b"));
        Assert.Equal("<script>alert(1)</script> Budget <b>passed</b>", html.QuerySelector("h2 a")!.TextContent);
    }

    [Fact]
    public async Task Weekly_subscribers_get_nothing_on_other_days()
    {
        await steps.SubscribeAsync("weekly@example.org", "weekly");
        await publication.ArticleAsync("Fresh news", app.Clock.GetUtcNow().UtcDateTime.AddHours(1));
        app.Clock.Set(NextMorning); // a Thursday
        await steps.TickAsync();
        await Task.Delay(200);
        Assert.Single(smtp.To("weekly@example.org"));

        app.Clock.Set(new DateTimeOffset(2024, 5, 20, 4, 30, 0, TimeSpan.Zero)); // Monday, 07:30 in Moscow
        await steps.TickAsync();
        var digest = await smtp.WaitForMailToAsync("weekly@example.org", 2);
        Assert.Contains("Fresh news", digest.Text);
    }
}
