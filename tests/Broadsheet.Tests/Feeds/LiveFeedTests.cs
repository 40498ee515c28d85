using System.Net;
using System.Xml.Linq;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Feeds;

/// <summary>A live article's entries in feeds: its own feed, one item per entry, and the main feed's item brought up to date.</summary>
public sealed class LiveFeedTests : IDisposable
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public LiveFeedTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task The_live_feed_has_one_item_per_entry_with_the_entry_permalink_newest_first()
    {
        var article = await LiveArticleAsync("Count night");
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        var desk = $"/newsroom/articles/{article.Id}/live";
        (await editor.SubmitAsync(desk, "Post", ("Headline", "Turnout 71%"), ("KeyEvent", "true"),
            ("Body", "The commission gives **71%**.\n\n```results\ntitle: Turnout by district\nOld Port | 74\nHill | 68\n```"))).Dispose();
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        (await editor.SubmitAsync(desk, "Post", ("Body", "Counting has begun in [every district](/rubric/politics)."))).Dispose();
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        (await editor.SubmitAsync(desk, "Post", ("Body", "Posted by mistake."))).Dispose();
        var ids = await app.WithDbAsync(db => db.LiveEntries.Where(e => e.ArticleId == article.Id).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync());
        using (var deleted = await editor.PostAsync($"{desk}?handler=Delete&entry={ids[2]}", await FormAsync(editor, desk)))
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        var page = PageUrl.Of(app, article);
        var rss = await FeedAsync($"/feed/live/{article.Id}");
        var channel = rss.Root!.Element("channel")!;
        Assert.Equal("Count night", channel.Element("title")!.Value);
        Assert.EndsWith(page, channel.Element("link")!.Value);
        var items = channel.Elements("item").ToList();
        Assert.Equal(2, items.Count);
        Assert.StartsWith("Counting has begun", items[0].Element("title")!.Value);
        Assert.EndsWith($"{page}#update-{ids[1]}", items[0].Element("link")!.Value);
        Assert.Equal(items[0].Element("link")!.Value, items[0].Element("guid")!.Value);
        Assert.Contains("href=\"http", items[0].Element("description")!.Value);
        Assert.Equal("Turnout 71%", items[1].Element("title")!.Value);
        Assert.Equal("Editor", items[1].Element(Dc + "creator")!.Value);
        Assert.Equal("Key event", items[1].Element("category")!.Value);
        Assert.Contains("<strong>71%</strong>", items[1].Element("description")!.Value);
        // The results block reaches the feed as its table; the chart, drawn for the site's stylesheet, stays behind.
        Assert.Contains("<caption>Turnout by district</caption>", items[1].Element("description")!.Value);
        Assert.DoesNotContain("<svg", items[1].Element("description")!.Value);

        // The desk's next post evicts the cached feed with the page.
        (await editor.SubmitAsync(desk, "Post", ("Body", "The first district declares."))).Dispose();
        Assert.Equal(3, (await FeedAsync($"/feed/live/{article.Id}")).Root!.Element("channel")!.Elements("item").Count());

        // The page offers its feed to feed readers and to people.
        var html = await app.GetPageAsync(page);
        Assert.Equal($"/feed/live/{article.Id}", html.QuerySelector($"head link[rel=alternate][href='/feed/live/{article.Id}']")?.GetAttribute("href"));
        Assert.Equal($"/feed/live/{article.Id}", html.QuerySelector(".live__feed a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_atom_live_feed_says_when_an_entry_was_edited()
    {
        var article = await LiveArticleAsync("Storm night");
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        var desk = $"/newsroom/articles/{article.Id}/live";
        (await editor.SubmitAsync(desk, "Post", ("Body", "Winds reach 120 km/h."))).Dispose();
        var posted = app.Clock.GetUtcNow().UtcDateTime;
        var id = await app.WithDbAsync(db => db.LiveEntries.Where(e => e.ArticleId == article.Id).Select(e => e.Id).SingleAsync());
        app.Clock.Advance(TimeSpan.FromMinutes(12));
        using (var edited = await editor.PostAsync($"{desk}?handler=Edit&entry={id}", await FormAsync(editor, desk, ("Headline", ""), ("Body", "Winds reach 140 km/h."))))
            Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        var entry = Assert.Single((await FeedAsync($"/feed/live/{article.Id}/atom")).Root!.Elements(Atom + "entry"));
        Assert.EndsWith($"#update-{id}", entry.Element(Atom + "id")!.Value);
        Assert.Equal(posted, DateTime.Parse(entry.Element(Atom + "published")!.Value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal));
        Assert.Equal(posted.AddMinutes(12), DateTime.Parse(entry.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal));
        Assert.Contains("140 km/h", entry.Element(Atom + "content")!.Value);
    }

    [Fact]
    public async Task An_ordinary_article_has_no_live_feed()
    {
        var article = await publication.ArticleAsync("Budget passed");
        using var reader = app.Reader();
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/feed/live/{article.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/feed/live/999999")).StatusCode);
    }

    [Fact]
    public async Task The_main_feed_shows_a_live_article_as_updated_at_its_newest_entry()
    {
        var article = await LiveArticleAsync("Final night");
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        app.Clock.Advance(TimeSpan.FromHours(2));
        (await editor.SubmitAsync($"/newsroom/articles/{article.Id}/live", "Post", ("Body", "Extra time."))).Dispose();
        var posted = app.Clock.GetUtcNow().UtcDateTime;

        var entry = (await FeedAsync("/feed/atom")).Root!.Elements(Atom + "entry").Single(e => e.Element(Atom + "title")!.Value == "Final night");
        Assert.Equal(posted, DateTime.Parse(entry.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal));
        Assert.True(DateTime.Parse(entry.Element(Atom + "published")!.Value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal) < posted);
    }

    private async Task<XDocument> FeedAsync(string path)
    {
        using var reader = app.Reader();
        using var response = await reader.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private async Task<Article> LiveArticleAsync(string title)
    {
        var article = await publication.ArticleAsync(title, publishedAt: app.Clock.GetUtcNow().UtcDateTime.AddHours(-1));
        await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Live, LiveState.Running)));
        return article;
    }

    private static async Task<FormUrlEncodedContent> FormAsync(HttpClient client, string path, params (string Name, string Value)[] values)
    {
        var page = await client.GetDocumentAsync(path);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value))]);
    }
}
