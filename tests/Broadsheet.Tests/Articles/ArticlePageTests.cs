using System.Globalization;
using System.Net;
using Broadsheet.Features.Articles;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Articles;

public sealed class ArticlePageTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public ArticlePageTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Shows_headline_byline_dateline_and_time_in_the_site_zone()
    {
        var author = await publication.AuthorAsync("Helen Marsh");
        var rubric = await publication.RubricAsync("Politics");
        var tag = await publication.TagAsync("Elections");
        // 21:19 UTC is 00:19 the next day in Moscow: the URL and the shown time follow the site's zone.
        var article = await publication.ArticleAsync("Council approves the budget",
            publishedAt: new DateTime(2022, 11, 18, 21, 19, 0, DateTimeKind.Utc),
            rubric: rubric, tags: [tag], authors: [author], dateline: "Kazan", views: 2562);

        var url = PageUrl.Of(app, article);
        Assert.Equal("/2022/11/19/council-approves-the-budget", url);
        var page = await app.GetPageAsync(url);

        Assert.Equal("Council approves the budget", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("/author/helen-marsh", page.QuerySelector(".story__byline a")!.GetAttribute("href"));
        Assert.Equal("19 Nov 2022, 00:19 (Moscow time)", page.QuerySelector(".story__published")!.TextContent);
        Assert.Equal(", Kazan", page.QuerySelector(".story__dateline")!.TextContent);
        Assert.Equal("Views: 2,562", page.QuerySelector("[data-views]")!.TextContent);
        Assert.Equal(article.Id.ToString(CultureInfo.InvariantCulture), page.QuerySelector("[data-article-id]")!.GetAttribute("data-article-id"));
        Assert.Contains(page.QuerySelectorAll(".story__tags a"), a => a.GetAttribute("href") == "/tag/elections");
        Assert.Contains(page.QuerySelectorAll(".story__kicker a"), a => a.GetAttribute("href") == "/rubric/politics");
    }

    [Fact]
    public async Task Leaves_out_empty_sections()
    {
        var article = await publication.ArticleAsync("A bare article", lead: "");
        var page = await app.GetPageAsync(PageUrl.Of(app, article));

        Assert.Equal("A bare article", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Null(page.QuerySelector(".story__tags"));
        Assert.Null(page.QuerySelector(".story__kicker"));
        Assert.Null(page.QuerySelector(".story__byline"));
        Assert.Null(page.QuerySelector(".story__dateline"));
        Assert.Null(page.QuerySelector(".story__lead"));
        Assert.Null(page.QuerySelector(".story__updated"));
        Assert.Null(page.QuerySelector(".related"));
        Assert.DoesNotContain("Tags:", page.Body!.TextContent);
    }

    [Fact]
    public async Task Shows_updated_time_only_when_edited_after_publication()
    {
        var at = BroadsheetApp.DefaultNow.UtcDateTime.AddHours(-5);
        var article = await publication.ArticleAsync("Edited later", publishedAt: at, updatedAt: at.AddHours(2));
        var page = await app.GetPageAsync(PageUrl.Of(app, article));

        Assert.Equal("Updated 15 May 2024, 09:00 (Moscow time)", page.QuerySelector(".story__updated")!.TextContent.Trim());
    }

    [Fact]
    public async Task Renders_markdown_figures_with_captions_and_strips_script()
    {
        var article = await publication.ArticleAsync("With a figure", body:
            "Intro.\n\n^^^\n![Bridge](/media/x.jpg)\n^^^ The old bridge\n\n> A quote\n\n<script>alert(1)</script><img src=x onerror=alert(1)>");
        var page = await app.GetPageAsync(PageUrl.Of(app, article));
        var body = page.QuerySelector(".story__body")!;

        Assert.Equal("The old bridge", body.QuerySelector("figure figcaption")!.TextContent.Trim());
        Assert.NotNull(body.QuerySelector("figure img[src='/media/x.jpg']"));
        Assert.NotNull(body.QuerySelector("blockquote"));
        Assert.Empty(body.QuerySelectorAll("script"));
        Assert.All(body.QuerySelectorAll("img"), img => Assert.Null(img.GetAttribute("onerror")));
    }

    [Theory]
    [InlineData(ArticleStatus.Draft)]
    [InlineData(ArticleStatus.Unpublished)]
    [InlineData(ArticleStatus.Scheduled)]
    public async Task Hides_articles_readers_may_not_see(ArticleStatus status)
    {
        // A scheduled article waits for a time still ahead; one whose time has passed is the publisher's to send out.
        DateTime? at = status == ArticleStatus.Scheduled ? BroadsheetApp.DefaultNow.UtcDateTime.AddHours(2) : null;
        var article = await publication.ArticleAsync("Not for readers", publishedAt: at, status: status);
        var response = await app.Reader().GetAsync(PageUrl.Of(app, article));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Hides_a_published_article_until_its_time_comes()
    {
        var article = await publication.ArticleAsync("Embargoed", publishedAt: BroadsheetApp.DefaultNow.UtcDateTime.AddHours(2));
        var url = PageUrl.Of(app, article);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Reader().GetAsync(url)).StatusCode);

        app.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(HttpStatusCode.OK, (await app.Reader().GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Redirects_a_wrong_date_to_the_canonical_address()
    {
        var article = await publication.ArticleAsync("Moved date", publishedAt: new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc));
        var response = await app.Reader().GetAsync("/2024/04/30/moved-date");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/2024/05/01/moved-date", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/2024/05/01/NoSuchThing")]
    [InlineData("/2024/05/01/no-such-article")]
    [InlineData("/2024/13/01/x")]
    [InlineData("/99999999999/05/01/x")]
    [InlineData("/2024/05/01/%D0%B2%D1%8B%D0%B1%D0%BE%D1%80%D1%8B")]
    public async Task Answers_404_for_addresses_that_name_nothing(string path)
    {
        var response = await app.Reader().GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("Page not found", page.QuerySelector("h1")?.TextContent);
    }
}
