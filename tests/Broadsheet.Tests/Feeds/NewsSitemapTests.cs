using System.Xml;
using System.Xml.Linq;
using Broadsheet.Features.Articles;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Feeds;

public sealed class NewsSitemapTests : IDisposable
{
    private static readonly XNamespace Sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";

    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public NewsSitemapTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Lists_only_what_was_published_in_the_last_48_hours()
    {
        var now = BroadsheetApp.DefaultNow.UtcDateTime;
        await publication.ArticleAsync("An hour old", publishedAt: now.AddHours(-1));
        await publication.ArticleAsync("Nearly two days old", publishedAt: now.AddHours(-47));
        await publication.ArticleAsync("Three days old", publishedAt: now.AddDays(-3));
        await publication.ArticleAsync("Due in an hour", publishedAt: now.AddHours(1));
        await publication.ArticleAsync("A fresh draft", status: ArticleStatus.Draft, publishedAt: now.AddHours(-1));

        Assert.Equal(["An hour old", "Nearly two days old"], await TitlesAsync());

        app.Clock.Advance(TimeSpan.FromHours(2));
        await app.EvictFeedsAsync();
        Assert.Equal(["Due in an hour", "An hour old"], await TitlesAsync());
    }

    [Fact]
    public async Task Names_the_publication_language_date_and_title_as_google_requires()
    {
        await publication.SettingsAsync(s => s.PublicationName = "Вечерняя газета");
        var published = BroadsheetApp.DefaultNow.UtcDateTime.AddHours(-2);
        var article = await publication.ArticleAsync("Мэр открыл мост", publishedAt: published, slug: "mer-otkryl-most");
        await app.WithDbAsync(async db => { db.Attach(article); article.Language = "ru"; await db.SaveChangesAsync(); });
        await app.EvictFeedsAsync();

        var doc = await app.GetXmlAsync("/sitemap-news.xml", "application/xml");

        var url = Assert.Single(doc.Root!.Elements(Sm + "url"));
        Assert.Equal(FeedResponses.Origin + PageUrl.Of(app, article), url.Element(Sm + "loc")?.Value);
        var news = url.Element(News + "news")!;
        Assert.Equal("Вечерняя газета", news.Element(News + "publication")?.Element(News + "name")?.Value);
        Assert.Equal("ru", news.Element(News + "publication")?.Element(News + "language")?.Value);
        Assert.Equal(published, XmlConvert.ToDateTimeOffset(news.Element(News + "publication_date")!.Value).UtcDateTime);
        Assert.Equal("Мэр открыл мост", news.Element(News + "title")?.Value);
    }

    private async Task<List<string>> TitlesAsync()
    {
        var doc = await app.GetXmlAsync("/sitemap-news.xml", "application/xml");
        return [.. doc.Root!.Elements(Sm + "url").Select(u => u.Element(News + "news")!.Element(News + "title")!.Value)];
    }
}
