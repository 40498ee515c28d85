using System.Net;
using System.Xml.Linq;
using Broadsheet.Features.Articles;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Feeds;

public sealed class SectionFeedTests : IDisposable
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public SectionFeedTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    [Theory]
    [InlineData("/rubric/culture/feed")]
    [InlineData("/rubric/culture/feed/atom")]
    [InlineData("/tag/theatre/feed")]
    [InlineData("/tag/theatre/feed/atom")]
    [InlineData("/author/anna-petrova/feed")]
    [InlineData("/author/anna-petrova/feed/atom")]
    public async Task Lists_only_the_articles_of_its_rubric_tag_or_author(string path)
    {
        var culture = await publication.RubricAsync("Culture");
        var sport = await publication.RubricAsync("Sport");
        var theatre = await publication.TagAsync("Theatre");
        var football = await publication.TagAsync("Football");
        var anna = await publication.AuthorAsync("Anna Petrova");
        var boris = await publication.AuthorAsync("Boris Orlov");
        await publication.ArticleAsync("Premiere at the opera", rubric: culture, tags: [theatre], authors: [anna]);
        await publication.ArticleAsync("Derby ends in a draw", rubric: sport, tags: [football], authors: [boris]);
        await publication.ArticleAsync("Unfinished review", status: ArticleStatus.Draft, rubric: culture, tags: [theatre], authors: [anna]);
        await publication.ArticleAsync("Tomorrow's ballet", publishedAt: BroadsheetApp.DefaultNow.UtcDateTime.AddHours(5),
            rubric: culture, tags: [theatre], authors: [anna]);

        var atom = path.EndsWith("/atom", StringComparison.Ordinal);
        var doc = await app.GetXmlAsync(path, atom ? "application/atom+xml" : "application/rss+xml");

        var titles = atom
            ? doc.Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value)
            : doc.Descendants("item").Select(e => e.Element("title")!.Value);
        Assert.Equal(["Premiere at the opera"], titles);
        var feedTitle = atom ? doc.Root!.Element(Atom + "title")!.Value : doc.Descendants("channel").Single().Element("title")!.Value;
        var section = path.Split('/')[1] switch { "rubric" => "Culture", "tag" => "Theatre", _ => "Anna Petrova" };
        Assert.StartsWith(section, feedTitle);
        var self = atom
            ? doc.Root!.Elements(Atom + "link").Single(l => l.Attribute("rel")?.Value == "self").Attribute("href")!.Value
            : doc.Descendants(Atom + "link").Single().Attribute("href")!.Value;
        Assert.Equal(FeedResponses.Origin + path, self);
    }

    [Fact]
    public async Task A_rubric_with_nothing_published_yet_has_an_empty_valid_feed()
    {
        await publication.RubricAsync("Science");

        var rss = await app.GetXmlAsync("/rubric/science/feed", "application/rss+xml");

        Assert.Empty(rss.Descendants("item"));
        Assert.NotEmpty(rss.Descendants("channel").Single().Element("description")!.Value);
    }

    [Theory]
    [InlineData("/rubric/no-such-rubric/feed")]
    [InlineData("/rubric/no-such-rubric/feed/atom")]
    [InlineData("/tag/no-such-tag/feed")]
    [InlineData("/tag/no-such-tag/feed/atom")]
    [InlineData("/author/no-such-author/feed")]
    [InlineData("/author/no-such-author/feed/atom")]
    [InlineData("/rubric/Culture/feed")]
    [InlineData("/tag/%D0%B2%D1%8B%D0%B1%D0%BE%D1%80%D1%8B/feed")]
    [InlineData("/rubric/culture/feed/rss2")]
    public async Task Answers_404_for_sections_that_do_not_exist(string path)
    {
        await publication.RubricAsync("Culture");

        var response = await app.Reader().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
