using System.Globalization;
using System.Net;
using System.Xml;
using System.Xml.Linq;
using Broadsheet.Features.Articles;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Feeds;

public sealed class SiteFeedTests : IDisposable
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public SiteFeedTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Rss_feed_describes_each_article_with_absolute_links_and_rfc822_dates()
    {
        await publication.SettingsAsync(s => { s.PublicationName = "The Daily Ledger"; s.Tagline = "News every day"; });
        var author = await publication.AuthorAsync("Helen Marsh");
        var rubric = await publication.RubricAsync("Politics");
        var tag = await publication.TagAsync("Elections");
        var published = new DateTime(2024, 5, 14, 21, 19, 0, DateTimeKind.Utc);
        var article = await publication.ArticleAsync("Council approves the budget", publishedAt: published,
            rubric: rubric, tags: [tag], authors: [author], lead: "The vote was close.");
        await app.WithDbAsync(async db =>
        {
            db.Attach(article);
            article.CoverImage = "/media/covers/budget.jpg";
            await db.SaveChangesAsync();
        });
        Directory.CreateDirectory(Path.Combine(app.DataDirectory, "media", "covers"));
        await File.WriteAllBytesAsync(Path.Combine(app.DataDirectory, "media", "covers", "budget.jpg"), new byte[1234]);
        await app.EvictFeedsAsync();

        var rss = await app.GetXmlAsync("/feed", "application/rss+xml");

        var channel = rss.Root!.Element("channel")!;
        Assert.Equal("2.0", rss.Root.Attribute("version")?.Value);
        Assert.Equal("The Daily Ledger", channel.Element("title")?.Value);
        Assert.Equal("News every day", channel.Element("description")?.Value);
        Assert.Equal("en", channel.Element("language")?.Value);
        Assert.Equal(FeedResponses.Origin + "/", channel.Element("link")?.Value);
        Assert.Equal(FeedResponses.Origin + "/feed", channel.Element(Atom + "link")?.Attribute("href")?.Value);
        var item = Assert.Single(channel.Elements("item"));
        var url = FeedResponses.Origin + PageUrl.Of(app, article);
        Assert.Equal("Council approves the budget", item.Element("title")?.Value);
        Assert.Equal(url, item.Element("link")?.Value);
        Assert.Equal(url, item.Element("guid")?.Value);
        Assert.Equal("true", item.Element("guid")?.Attribute("isPermaLink")?.Value);
        Assert.Equal(published, Rfc822(item.Element("pubDate")!.Value));
        Assert.Equal(published, Rfc822(channel.Element("lastBuildDate")!.Value));
        Assert.Equal("The vote was close.", item.Element("description")?.Value);
        Assert.Equal("Helen Marsh", item.Element(Dc + "creator")?.Value);
        Assert.Equal(["Politics", "Elections"], item.Elements("category").Select(c => c.Value));
        var enclosure = item.Element("enclosure")!;
        Assert.Equal(FeedResponses.Origin + "/media/covers/budget.jpg", enclosure.Attribute("url")?.Value);
        Assert.Equal("image/jpeg", enclosure.Attribute("type")?.Value);
        Assert.Equal("1234", enclosure.Attribute("length")?.Value);
    }

    [Theory]
    [InlineData("/media/../outside.jpg")]
    [InlineData("/media/covers/missing.png")]
    public async Task Measures_only_cover_files_inside_the_media_folder(string cover)
    {
        var article = await publication.ArticleAsync("With an odd cover");
        // A real file next to the media folder: reporting its size would show the path escaped.
        await File.WriteAllBytesAsync(Path.Combine(app.DataDirectory, "outside.jpg"), new byte[999]);
        await app.WithDbAsync(async db => { db.Attach(article); article.CoverImage = cover; await db.SaveChangesAsync(); });
        await app.EvictFeedsAsync();

        var rss = await app.GetXmlAsync("/feed", "application/rss+xml");

        Assert.Equal("0", rss.Descendants("enclosure").Single().Attribute("length")?.Value);
    }

    [Theory]
    [InlineData("/feed")]
    [InlineData("/feed/atom")]
    public async Task Never_shows_drafts_scheduled_or_future_articles(string path)
    {
        var now = BroadsheetApp.DefaultNow.UtcDateTime;
        await publication.ArticleAsync("Out now");
        await publication.ArticleAsync("Still a draft", status: ArticleStatus.Draft);
        await publication.ArticleAsync("Waiting for review", status: ArticleStatus.InReview);
        await publication.ArticleAsync("Scheduled piece", status: ArticleStatus.Scheduled, publishedAt: now.AddHours(1));
        await publication.ArticleAsync("Taken down", status: ArticleStatus.Unpublished);
        await publication.ArticleAsync("Embargoed", publishedAt: now.AddHours(2));

        Assert.Equal(["Out now"], await TitlesAsync(path));

        app.Clock.Advance(TimeSpan.FromHours(3));
        await app.EvictFeedsAsync();
        Assert.Equal(["Embargoed", "Out now"], await TitlesAsync(path));
    }

    [Fact]
    public async Task Holds_the_newest_thirty_articles_newest_first()
    {
        var start = BroadsheetApp.DefaultNow.UtcDateTime.AddDays(-2);
        for (var i = 1; i <= 32; i++)
            await publication.ArticleAsync($"Story number {i}", publishedAt: start.AddMinutes(i));

        var titles = await TitlesAsync("/feed");

        Assert.Equal(30, titles.Count);
        Assert.Equal("Story number 32", titles[0]);
        Assert.Equal("Story number 3", titles[^1]);
    }

    [Theory]
    [InlineData("/feed")]
    [InlineData("/feed/atom")]
    public async Task Escapes_markup_and_carries_cyrillic_text(string path)
    {
        await publication.SettingsAsync(s => { s.PublicationName = "Вечерняя газета"; s.Language = "ru"; });
        await publication.ArticleAsync("Выборы: <b>итоги</b> & \"прогнозы\"\u0001", slug: "vybory-itogi",
            lead: "Лид </description><script>alert(1)</script>");

        using var response = await app.Reader().GetAsync(path);
        var raw = await response.Content.ReadAsStringAsync();
        var doc = XDocument.Parse(raw);

        var texts = doc.Descendants().Where(e => !e.HasElements).Select(e => e.Value).ToList();
        Assert.Contains("Выборы: <b>итоги</b> & \"прогнозы\"", texts);
        Assert.Contains("Лид </description><script>alert(1)</script>", texts);
        Assert.Contains("Вечерняя газета", texts);
        Assert.Contains("ru", texts.Concat(doc.Root!.Attributes().Select(a => a.Value)));
        Assert.DoesNotContain(doc.Descendants(), e => e.Name.LocalName == "script");
    }

    [Fact]
    public async Task Links_use_the_configured_public_address()
    {
        app.Settings["Broadsheet:PublicUrl"] = "https://news.example.org/";
        var article = await publication.ArticleAsync("Behind a proxy");

        var rss = await app.GetXmlAsync("/feed", "application/rss+xml");

        Assert.Equal("https://news.example.org" + PageUrl.Of(app, article), rss.Descendants("item").Single().Element("link")?.Value);
    }

    private async Task<List<string>> TitlesAsync(string path)
    {
        using var response = await app.Reader().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = XDocument.Parse(await response.Content.ReadAsStringAsync());
        return path.EndsWith("/atom", StringComparison.Ordinal)
            ? [.. doc.Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value)]
            : [.. doc.Descendants("item").Select(e => e.Element("title")!.Value)];
    }

    private static DateTime Rfc822(string text) =>
        DateTime.ParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

    /// <summary>xsd:dateTime is RFC 3339 with an offset required here, as Atom demands.</summary>
    private static DateTime Rfc3339(string text)
    {
        Assert.Matches("T.*(Z|[+-][0-9]{2}:[0-9]{2})$", text);
        return XmlConvert.ToDateTimeOffset(text).UtcDateTime;
    }
}
