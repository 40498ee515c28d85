using System.Net;
using System.Xml;
using System.Xml.Linq;
using Broadsheet.Features.Articles;
using Broadsheet.Infrastructure.Caching;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Feeds;

public sealed class SitemapTests : IDisposable
{
    private static readonly XNamespace Sm = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public SitemapTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Index_leads_to_sitemaps_that_list_every_visible_article_exactly_once()
    {
        // Four months and more, so that months' boundaries are exercised.
        var start = BroadsheetApp.DefaultNow.UtcDateTime.AddDays(-400);
        var visible = Enumerable.Range(1, 1003).Select(i => NewArticle($"archive-story-{i}", start.AddHours(i * 3))).ToList();
        var hidden = new[]
        {
            NewArticle("a-draft", start, ArticleStatus.Draft),
            NewArticle("a-scheduled-piece", BroadsheetApp.DefaultNow.UtcDateTime.AddHours(1), ArticleStatus.Scheduled),
            NewArticle("an-embargoed-piece", BroadsheetApp.DefaultNow.UtcDateTime.AddHours(1)),
            NewArticle("a-withdrawn-piece", start, ArticleStatus.Unpublished),
        };
        await app.WithDbAsync(async db => { db.AddRange(visible); db.AddRange(hidden); await db.SaveChangesAsync(); });

        var index = await app.GetXmlAsync("/sitemap.xml", "application/xml");

        Assert.Equal(Sm + "sitemapindex", index.Root!.Name);
        var sitemaps = index.Root.Elements(Sm + "sitemap").ToList();
        Assert.All(sitemaps, s => W3cDateTime(s.Element(Sm + "lastmod")!.Value));
        var listed = new List<string>();
        foreach (var loc in sitemaps.Select(s => s.Element(Sm + "loc")!.Value))
        {
            var sitemap = await app.GetXmlAsync(FeedResponses.PathOf(loc), "application/xml");
            Assert.Equal(Sm + "urlset", sitemap.Root!.Name);
            foreach (var url in sitemap.Root.Elements(Sm + "url"))
            {
                listed.Add(FeedResponses.PathOf(url.Element(Sm + "loc")!.Value));
                W3cDateTime(url.Element(Sm + "lastmod")!.Value);
            }
        }

        var articlePages = listed.Where(p => p.Count(c => c == '/') == 4).ToList();
        Assert.Equal(visible.Select(a => PageUrl.Of(app, a)).Order(), articlePages.Order());
        // A file a month of publication (none of these months reaches 50,000), then the sections.
        Assert.Equal(visible.Select(a => (a.PublishedAt!.Value.Year, a.PublishedAt.Value.Month)).Distinct().Count() + 1, sitemaps.Count);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Reader().GetAsync("/sitemaps/articles-1999-01-1.xml")).StatusCode);
    }

    [Fact]
    public async Task Index_follows_articles_published_unpublished_corrected_and_deleted_in_past_months()
    {
        var now = BroadsheetApp.DefaultNow.UtcDateTime;
        var march = new DateTime(2024, 3, 10, 8, 0, 0, DateTimeKind.Utc);
        var april = new DateTime(2024, 4, 20, 8, 0, 0, DateTimeKind.Utc);
        var vote = await publication.ArticleAsync("March budget vote", march);
        var recount = await publication.ArticleAsync("March budget recount", march.AddDays(1));
        var strike = await publication.ArticleAsync("April strike", april);
        var talks = await publication.ArticleAsync("April talks", april.AddDays(2), status: ArticleStatus.Unpublished);
        await publication.ArticleAsync("May headline", now.AddHours(-2));
        await publication.ArticleAsync("May piece published for later", now.AddHours(2));

        Assert.Equal(new Dictionary<string, DateTime> { ["2024-03"] = march.AddDays(1), ["2024-04"] = april, ["2024-05"] = now.AddHours(-2) }, await MonthsAsync());

        await ChangeAsync(strike.Id, a => a.Unpublish());
        Assert.Equal(["2024-03", "2024-05"], (await MonthsAsync()).Keys);

        await ChangeAsync(talks.Id, a => a.Publish(now));
        await ChangeAsync(vote.Id, a => a.MarkUpdated(now.AddHours(-1)));
        Assert.Equal(new Dictionary<string, DateTime> { ["2024-03"] = now.AddHours(-1), ["2024-04"] = april.AddDays(2), ["2024-05"] = now.AddHours(-2) }, await MonthsAsync());

        app.Clock.Advance(TimeSpan.FromHours(3));
        await ForgetListingsAsync();
        Assert.Equal(now.AddHours(2), (await MonthsAsync())["2024-05"]);

        await ChangeAsync(recount.Id, a => a.Unpublish());
        Assert.Equal(["2024-03", "2024-04", "2024-05"], (await MonthsAsync()).Keys);
        await app.WithDbAsync(db => db.Articles.Where(a => a.Id == vote.Id).ExecuteDeleteAsync());
        await ForgetListingsAsync();
        Assert.Equal(["2024-04", "2024-05"], (await MonthsAsync()).Keys);
    }

    /// <summary>The article files the index lists, by month, with their lastmod.</summary>
    private async Task<Dictionary<string, DateTime>> MonthsAsync()
    {
        var index = await app.GetXmlAsync("/sitemap.xml", "application/xml");
        return index.Root!.Elements(Sm + "sitemap")
            .Select(s => (Path: FeedResponses.PathOf(s.Element(Sm + "loc")!.Value), LastMod: W3cDateTime(s.Element(Sm + "lastmod")!.Value)))
            .Where(s => s.Path.StartsWith("/sitemaps/articles-", StringComparison.Ordinal))
            .ToDictionary(s => s.Path["/sitemaps/articles-".Length..][..7], s => s.LastMod);
    }

    private async Task ChangeAsync(int articleId, Action<Article> change)
    {
        await app.WithDbAsync(async db =>
        {
            change(await db.Articles.SingleAsync(a => a.Id == articleId));
            await db.SaveChangesAsync();
        });
        await ForgetListingsAsync();
    }

    private Task ForgetListingsAsync() =>
        app.Services.GetRequiredService<CacheEviction>().EvictAsync(default, PageCache.ListingsTag);

    [Fact]
    public async Task Sections_sitemap_names_home_and_the_sections_readers_can_see_something_in()
    {
        var politics = await publication.RubricAsync("Politics");
        var science = await publication.RubricAsync("Science");
        var budget = await publication.TagAsync("Budget");
        var secret = await publication.TagAsync("Secret plans");
        var writer = await publication.AuthorAsync("Olga Smirnova");
        var edited = BroadsheetApp.DefaultNow.UtcDateTime.AddHours(-3);
        await publication.ArticleAsync("Budget passes", publishedAt: edited, rubric: politics, tags: [budget], authors: [writer]);
        await publication.ArticleAsync("Not yet", status: ArticleStatus.Draft, rubric: science, tags: [secret]);

        var index = await app.GetXmlAsync("/sitemap.xml", "application/xml");
        var sectionsLoc = index.Root!.Elements(Sm + "sitemap").Select(s => s.Element(Sm + "loc")!.Value).Last();
        var sections = await app.GetXmlAsync(FeedResponses.PathOf(sectionsLoc), "application/xml");

        var urls = sections.Root!.Elements(Sm + "url").ToDictionary(
            u => FeedResponses.PathOf(u.Element(Sm + "loc")!.Value),
            u => W3cDateTime(u.Element(Sm + "lastmod")!.Value));
        Assert.Equal(["/", "/rubric/politics", "/tag/budget", "/author/olga-smirnova"], urls.Keys);
        Assert.All(urls.Values, at => Assert.Equal(edited, at));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_sections_entry_carries_the_newest_change_whether_it_is_this_months_or_a_past_ones(bool pastIsNewer)
    {
        var now = BroadsheetApp.DefaultNow.UtcDateTime;
        var past = NewArticle("from-april", now.AddMonths(-1));
        var current = NewArticle("from-may", now.AddHours(-2));
        // A correction to April's story after May's was published makes April the newest change, or not.
        past.UpdatedAt = pastIsNewer ? now.AddMinutes(-10) : now.AddHours(-5);
        await app.WithDbAsync(async db => { db.AddRange(past, current); await db.SaveChangesAsync(); });

        var index = await app.GetXmlAsync("/sitemap.xml", "application/xml");

        var lastmods = index.Root!.Elements(Sm + "sitemap")
            .ToDictionary(s => FeedResponses.PathOf(s.Element(Sm + "loc")!.Value), s => W3cDateTime(s.Element(Sm + "lastmod")!.Value));
        Assert.Equal(pastIsNewer ? now.AddMinutes(-10) : now.AddHours(-2), lastmods["/sitemaps/sections.xml"]);
        Assert.Equal(lastmods.Values.Max(), lastmods["/sitemaps/sections.xml"]);
    }

    [Fact]
    public async Task An_empty_publication_still_has_a_valid_index()
    {
        var index = await app.GetXmlAsync("/sitemap.xml", "application/xml");

        var loc = Assert.Single(index.Root!.Elements(Sm + "sitemap")).Element(Sm + "loc")!.Value;
        var sections = await app.GetXmlAsync(FeedResponses.PathOf(loc), "application/xml");
        Assert.Equal(FeedResponses.Origin + "/", Assert.Single(sections.Root!.Elements(Sm + "url")).Element(Sm + "loc")!.Value);
    }

    [Theory]
    [InlineData("/sitemaps/articles-0.xml")]
    [InlineData("/sitemaps/articles-1.xml")]
    [InlineData("/sitemaps/articles-2024-05-2.xml")]
    [InlineData("/sitemaps/articles-2024-05-0.xml")]
    [InlineData("/sitemaps/articles-2024-13-1.xml")]
    [InlineData("/sitemaps/articles-2024-04-1.xml")]
    [InlineData("/sitemaps/articles-99999-05-1.xml")]
    [InlineData("/sitemaps/articles-2024-05-99999999999.xml")]
    [InlineData("/sitemaps/articles--1.xml")]
    [InlineData("/sitemaps/articles-x.xml")]
    [InlineData("/sitemaps/articles-.xml")]
    [InlineData("/sitemaps/articles-1.5.xml")]
    [InlineData("/sitemaps/articles-2147483647.xml")]
    [InlineData("/sitemaps/articles-99999999999.xml")]
    [InlineData("/sitemaps/articles-1")]
    [InlineData("/sitemaps/nothing.xml")]
    public async Task Answers_404_for_sitemap_pages_out_of_range_or_malformed(string path)
    {
        await publication.ArticleAsync("The only article");
        Assert.Equal(HttpStatusCode.OK, (await app.Reader().GetAsync("/sitemaps/articles-2024-05-1.xml")).StatusCode);

        var response = await app.Reader().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static Article NewArticle(string slug, DateTime publishedAt, ArticleStatus status = ArticleStatus.Published) => new()
    {
        Slug = slug, Title = slug, Status = status, PublishedAt = publishedAt, CreatedAt = publishedAt,
    };

    /// <summary>The W3C datetime profile of ISO 8601, with the time zone the protocol requires once a time is given.</summary>
    private static DateTime W3cDateTime(string text)
    {
        Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})$", text);
        return XmlConvert.ToDateTimeOffset(text).UtcDateTime;
    }
}
