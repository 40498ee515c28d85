using System.Net;
using Broadsheet.Features.Articles;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.ViewCounting;

public sealed class ViewBeaconTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public ViewBeaconTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Counts_a_reader_once_per_half_hour_and_again_after()
    {
        var article = await publication.ArticleAsync("Council approves the budget");

        await Beacon.SendAsync(app, article.Id);
        await Beacon.SendAsync(app, article.Id);
        Assert.Equal(1, await Beacon.CountedAsync(app, article));

        app.Clock.Advance(TimeSpan.FromMinutes(29));
        await Beacon.SendAsync(app, article.Id);
        Assert.Equal(1, await Beacon.CountedAsync(app, article));

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await Beacon.SendAsync(app, article.Id);
        Assert.Equal(2, await Beacon.CountedAsync(app, article));
    }

    [Fact]
    public async Task Counts_each_reader_and_each_article_separately()
    {
        var budget = await publication.ArticleAsync("Council approves the budget");
        var bridge = await publication.ArticleAsync("Old bridge to close for repairs");

        for (var reader = 0; reader < 3; reader++) await Beacon.SendAsync(app, budget.Id, Beacon.Reader(reader));
        await Beacon.SendAsync(app, bridge.Id, Beacon.Reader(0));

        Assert.Equal(3, await Beacon.CountedAsync(app, budget));
        Assert.Equal(1, await Beacon.ViewCountAsync(app, bridge.Id));
    }

    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)")]
    [InlineData("Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)")]
    [InlineData("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)")]
    [InlineData("Twitterbot/1.0")]
    [InlineData("TelegramBot (like TwitterBot)")]
    [InlineData("Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)")]
    [InlineData("WhatsApp/2.23.20.0 A")]
    [InlineData("Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)")]
    [InlineData("Mozilla/5.0 (compatible; vkShare; +http://vk.com/dev/Share)")]
    [InlineData("LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/130.0.0.0 Safari/537.36")]
    [InlineData("Mozilla/5.0 (compatible; SomeCrawler/1.0)")]
    [InlineData("Mozilla/5.0 (compatible; LinkPreview/2.0)")]
    [InlineData("curl/8.5.0")]
    [InlineData("")]
    public async Task Does_not_count_bots_or_link_previews(string userAgent)
    {
        var article = await publication.ArticleAsync("Council approves the budget");

        var response = await Beacon.SendAsync(app, article.Id, userAgent);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(0, await Beacon.CountedAsync(app, article));
    }

    [Fact]
    public async Task Counts_a_phone_whose_model_name_ends_in_bot()
    {
        var article = await publication.ArticleAsync("Council approves the budget");

        await Beacon.SendAsync(app, article.Id, "Mozilla/5.0 (Linux; Android 10; CUBOT X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36");

        Assert.Equal(1, await Beacon.CountedAsync(app, article));
    }

    [Theory]
    [InlineData("Sec-Purpose", "prefetch")]
    [InlineData("Sec-Purpose", "prefetch;prerender")]
    [InlineData("Purpose", "prefetch")]
    [InlineData("X-Moz", "prefetch")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    public async Task Does_not_count_prefetches_or_other_sites_pages(string header, string value)
    {
        var article = await publication.ArticleAsync("Council approves the budget");

        await Beacon.SendAsync(app, article.Id, Beacon.Browser, (header, value));

        Assert.Equal(0, await Beacon.CountedAsync(app, article));
    }

    [Theory]
    [InlineData(ArticleStatus.Draft)]
    [InlineData(ArticleStatus.Unpublished)]
    [InlineData(ArticleStatus.Scheduled)]
    public async Task Does_not_count_articles_readers_may_not_see(ArticleStatus status)
    {
        // A scheduled article is hidden until its time; one whose time has passed is the scheduled
        // publisher's to publish at any moment, which would make this test race the job.
        DateTime? at = status == ArticleStatus.Scheduled ? BroadsheetApp.DefaultNow.UtcDateTime.AddHours(2) : null;
        var hidden = await publication.ArticleAsync("Not for readers", publishedAt: at, status: status);

        var response = await Beacon.SendAsync(app, hidden.Id);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(0, await Beacon.CountedAsync(app, hidden));
        Assert.Empty(await Beacon.DailyViewsAsync(app));
    }

    [Fact]
    public async Task Does_not_count_an_embargoed_article_before_its_time()
    {
        var embargoed = await publication.ArticleAsync("Embargoed", publishedAt: BroadsheetApp.DefaultNow.UtcDateTime.AddHours(2));

        await Beacon.SendAsync(app, embargoed.Id);

        Assert.Equal(0, await Beacon.CountedAsync(app, embargoed));
        Assert.Empty(await Beacon.DailyViewsAsync(app));
    }

    [Fact]
    public async Task Stores_nothing_for_an_id_that_names_no_article()
    {
        var response = await Beacon.SendAsync(app, 987654);
        await Beacon.FlushAsync(app);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await Beacon.DailyViewsAsync(app));
    }

    [Fact]
    public async Task Pixel_for_readers_without_script_is_an_uncached_gif_that_counts()
    {
        var article = await publication.ArticleAsync("Council approves the budget");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/views/{article.Id}.gif");
        request.Headers.TryAddWithoutValidation("User-Agent", Beacon.Browser);

        var response = await app.Reader().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/gif", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal("GIF89a"u8.ToArray(), (await response.Content.ReadAsByteArrayAsync())[..6]);
        Assert.Equal(1, await Beacon.CountedAsync(app, article));
    }

    [Fact]
    public async Task Pixel_for_an_unknown_article_is_still_a_gif()
    {
        var response = await app.Reader().GetAsync("/api/views/987654.gif");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/gif", response.Content.Headers.ContentType?.MediaType);
    }
}
