using System.Globalization;
using System.Net;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Channels;
using Broadsheet.Features.Site;
using Broadsheet.Tests.Feeds;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Channels;

public sealed class ChannelFeedTests : IDisposable
{
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Yandex = "http://news.yandex.ru";
    private static readonly XNamespace Media = "http://search.yahoo.com/mrss/";

    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public ChannelFeedTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    private Task ChannelsAsync(params Channel[] channels) => publication.SettingsAsync(s => s.Channels.AddRange(channels));

    [Fact]
    public async Task Channel_feed_carries_full_text_figures_categories_and_dates_for_aggregators()
    {
        await ChannelsAsync(new Channel { Name = "Dzen", Url = "https://dzen.ru/broadsheet" });
        var politics = await publication.RubricAsync("Politics");
        var author = await publication.AuthorAsync("Helen Marsh");
        Directory.CreateDirectory(Path.Combine(app.DataDirectory, "media"));
        await File.WriteAllBytesAsync(Path.Combine(app.DataDirectory, "media", "cover.jpg"), new byte[1234]);
        var article = await publication.ArticleAsync("Council approves the budget", rubric: politics, authors: [author],
            publishedAt: new DateTime(2024, 5, 15, 6, 30, 0, DateTimeKind.Utc), lead: "The vote was close.",
            body: "The council met **late**.\n\n![The chamber at night](/media/chamber.png)\n\nSee [more politics](/rubric/politics).");
        await app.WithDbAsync(async db =>
        {
            var a = await db.Articles.SingleAsync(x => x.Id == article.Id);
            a.CoverImage = "/media/cover.jpg";
            a.CoverCaption = "With Borrell";
            await db.SaveChangesAsync();
        });

        var feed = await app.GetXmlAsync("/feed/channel/dzen", "application/rss+xml");

        var item = Assert.Single(feed.Descendants("item"));
        var link = "http://localhost/2024/05/15/council-approves-the-budget";
        Assert.Equal("Council approves the budget", item.Element("title")!.Value);
        Assert.Equal(link, item.Element("link")!.Value);
        Assert.Equal(link, item.Element("guid")!.Value);
        Assert.Equal(new DateTime(2024, 5, 15, 6, 30, 0, DateTimeKind.Utc),
            DateTime.Parse(item.Element("pubDate")!.Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal));
        Assert.Equal("Politics", item.Element("category")!.Value);
        Assert.Equal("Helen Marsh", item.Element(Dc + "creator")!.Value);
        Assert.Equal("nonadult", item.Element(Media + "rating")!.Value);

        var enclosures = item.Elements("enclosure").ToList();
        Assert.Equal("http://localhost/media/cover.jpg", enclosures[0].Attribute("url")!.Value);
        Assert.Equal("image/jpeg", enclosures[0].Attribute("type")!.Value);
        Assert.Equal("1234", enclosures[0].Attribute("length")!.Value);
        Assert.Equal("http://localhost/media/chamber.png", enclosures[1].Attribute("url")!.Value);

        var html = new HtmlParser().ParseDocument("<body>" + item.Element(Content + "encoded")!.Value + "</body>");
        var figure = html.QuerySelector("figure")!;
        Assert.Equal("http://localhost/media/cover.jpg", figure.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal("With Borrell", figure.QuerySelector("figcaption")!.TextContent);
        Assert.Equal("late", html.QuerySelector("strong")!.TextContent);
        Assert.Equal("http://localhost/media/chamber.png", html.QuerySelector("p img")!.GetAttribute("src"));
        Assert.Equal("http://localhost/rubric/politics", html.QuerySelector("a")!.GetAttribute("href"));

        var fullText = item.Element(Yandex + "full-text")!.Value;
        Assert.Contains("The council met late.", fullText);
        Assert.DoesNotContain("<", fullText);
    }

    [Fact]
    public async Task Channel_feed_lists_only_what_readers_may_see()
    {
        await ChannelsAsync(new Channel { Name = "Google News", Url = "https://news.google.com" });
        await publication.ArticleAsync("Published story");
        await publication.ArticleAsync("Draft story", status: ArticleStatus.Draft);
        await publication.ArticleAsync("Scheduled story", app.Clock.GetUtcNow().UtcDateTime.AddHours(3));

        var feed = await app.GetXmlAsync("/feed/channel/google-news", "application/rss+xml");

        Assert.Equal(["Published story"], feed.Descendants("item").Select(i => i.Element("title")!.Value));
    }

    [Fact]
    public async Task A_channel_that_takes_chosen_articles_lists_only_those()
    {
        await ChannelsAsync(new Channel { Name = "Dzen", Url = "https://dzen.ru/broadsheet", ChosenArticlesOnly = true });
        var chosen = await publication.ArticleAsync("Chosen story");
        await publication.ArticleAsync("Other story");
        await app.WithDbAsync(async db =>
        {
            db.Add(new ArticleChannel { ArticleId = chosen.Id, ChannelId = (await db.Channels.SingleAsync()).Id });
            await db.SaveChangesAsync();
        });
        await app.EvictFeedsAsync();

        var feed = await app.GetXmlAsync("/feed/channel/dzen", "application/rss+xml");

        Assert.Equal(["Chosen story"], feed.Descendants("item").Select(i => i.Element("title")!.Value));
    }

    [Fact]
    public async Task An_unknown_channel_has_no_feed()
    {
        using var response = await app.Reader().GetAsync("/feed/channel/nowhere");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
