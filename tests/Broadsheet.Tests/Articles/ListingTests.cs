using System.Net;
using Broadsheet.Features.Articles;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Articles;

public sealed class ListingTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public ListingTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    private async Task<(Tag Tag, List<Article> Articles)> TaggedArticlesAsync(int count)
    {
        var tag = await publication.TagAsync("Transport");
        var start = BroadsheetApp.DefaultNow.UtcDateTime.AddDays(-count);
        var articles = new List<Article>();
        for (var i = 0; i < count; i++)
            articles.Add(await publication.ArticleAsync($"Tram story {i:D3}", publishedAt: start.AddHours(i * 5), tags: [tag]));
        return (tag, articles);
    }

    private static List<string> Titles(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".teaser__title a").Select(a => a.TextContent.Trim())];

    [Fact]
    public async Task Walks_every_article_exactly_once_from_newest_to_oldest()
    {
        var (tag, articles) = await TaggedArticlesAsync(45);
        var seen = new List<string>();
        var path = $"/tag/{tag.Slug}";
        for (var pages = 0; path is not null && pages < 10; pages++)
        {
            var page = await app.GetPageAsync(path);
            seen.AddRange(Titles(page));
            path = page.QuerySelector("a[rel=next]")?.GetAttribute("href") is { } next ? $"/tag/{tag.Slug}{next}" : null;
        }

        Assert.Equal(articles.OrderByDescending(a => a.PublishedAt).Select(a => a.Title), seen);
    }

    [Fact]
    public async Task First_page_has_no_newer_link_and_last_page_no_older_link()
    {
        var (tag, _) = await TaggedArticlesAsync(25);
        var first = await app.GetPageAsync($"/tag/{tag.Slug}");
        Assert.Null(first.QuerySelector("a[rel=prev]"));
        var older = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;

        var last = await app.GetPageAsync($"/tag/{tag.Slug}{older}");
        Assert.Equal(5, Titles(last).Count);
        Assert.Null(last.QuerySelector("a[rel=next]"));

        var back = await app.GetPageAsync($"/tag/{tag.Slug}{last.QuerySelector("a[rel=prev]")!.GetAttribute("href")}");
        Assert.Equal(Titles(first), Titles(back));
    }

    [Fact]
    public async Task A_listing_with_exactly_one_page_has_no_pager()
    {
        var (tag, _) = await TaggedArticlesAsync(20);
        var page = await app.GetPageAsync($"/tag/{tag.Slug}");
        Assert.Equal(20, Titles(page).Count);
        Assert.Null(page.QuerySelector(".pager"));
    }

    [Theory]
    [InlineData("?before=yesterday")]
    [InlineData("?before=20240101T000000-0")]
    [InlineData("?before=20241301T000000-5")]
    [InlineData("?after=20240101T000000-x")]
    [InlineData("?before=20240101T000000-1&after=20240101T000000-2")]
    public async Task Refuses_a_malformed_cursor_with_400(string query)
    {
        var tag = await publication.TagAsync("Budget");
        await publication.ArticleAsync("Budget story", tags: [tag]);
        var response = await app.Reader().GetAsync($"/tag/{tag.Slug}{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Answers_404_for_a_cursor_past_the_end()
    {
        var tag = await publication.TagAsync("Housing");
        await publication.ArticleAsync("Housing story", tags: [tag], publishedAt: new DateTime(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc));
        var response = await app.Reader().GetAsync($"/tag/{tag.Slug}?before=20000101T000000-1");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Shows_only_the_rubrics_own_visible_articles_with_shortened_leads()
    {
        var politics = await publication.RubricAsync("Politics");
        var sport = await publication.RubricAsync("Sport");
        var longLead = string.Join(" ", Enumerable.Repeat("The council met again to discuss", 12));
        await publication.ArticleAsync("Council meets", rubric: politics, lead: longLead);
        await publication.ArticleAsync("Draft on politics", rubric: politics, status: ArticleStatus.Draft);
        await publication.ArticleAsync("Derby won", rubric: sport);

        var page = await app.GetPageAsync("/rubric/politics");
        Assert.Equal(["Council meets"], Titles(page));
        var lead = page.QuerySelector(".teaser__lead")!.TextContent;
        Assert.EndsWith("…", lead);
        Assert.True(lead.Length <= Teaser.LeadLength + 1);
        Assert.StartsWith(lead.TrimEnd('…'), longLead);
        Assert.False(char.IsWhiteSpace(lead[^2]));
    }

    [Fact]
    public async Task Author_page_shows_bio_photo_and_their_articles()
    {
        var author = await publication.AuthorAsync("Irina Volkova", photo: "/media/demo/author-1.jpg", bio: "Columnist.");
        var other = await publication.AuthorAsync("Tom Weller");
        await publication.ArticleAsync("Her column", authors: [author]);
        await publication.ArticleAsync("His report", authors: [other]);

        var page = await app.GetPageAsync("/author/irina-volkova");
        Assert.Equal("Irina Volkova", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("Columnist.", page.QuerySelector(".profile__bio")!.TextContent);
        Assert.Equal(["Her column"], Titles(page));
    }

    [Theory]
    [InlineData("/rubric/nothing-here")]
    [InlineData("/tag/nothing-here")]
    [InlineData("/author/nobody")]
    [InlineData("/tag/UPPER")]
    public async Task Unknown_listing_is_404(string path) =>
        Assert.Equal(HttpStatusCode.NotFound, (await app.Reader().GetAsync(path)).StatusCode);

    [Fact]
    public async Task Opinion_teasers_show_the_columnists_photo()
    {
        var column = await publication.RubricAsync("Author column", opinion: true);
        var author = await publication.AuthorAsync("Helen Marsh", photo: "/media/demo/author-2.jpg");
        await publication.ArticleAsync("Why libraries matter", rubric: column, authors: [author]);

        var page = await app.GetPageAsync("/rubric/author-column");
        Assert.Equal("/media/demo/author-2.jpg", page.QuerySelector(".teaser__photo")!.GetAttribute("src"));
        Assert.Equal("Helen Marsh", page.QuerySelector(".teaser__author")!.TextContent);
    }
}
