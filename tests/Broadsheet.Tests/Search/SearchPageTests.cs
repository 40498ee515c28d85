using Broadsheet.Features.Articles;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Search;

public sealed class SearchPageTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public SearchPageTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Only_stop_words_say_nothing_found()
    {
        var page = await SearchPage.OpenAsync(app, "q=the");
        Assert.Equal("Nothing found. Try other words or fewer filters.", page.QuerySelector(".search-nothing")!.TextContent);
    }

    [Fact]
    public async Task Results_show_linked_headline_site_time_rubric_and_highlighted_snippet()
    {
        var politics = await publication.RubricAsync("Politics");
        var article = await publication.ArticleAsync("Turnout record", rubric: politics,
            publishedAt: new DateTime(2024, 5, 14, 21, 30, 0, DateTimeKind.Utc),
            body: "Voters queued for hours. The elections ended late, and `<b>counting</b> & checks` went on all night.");
        await SearchPage.RebuildAsync(app);

        var page = await SearchPage.OpenAsync(app, "q=election counting");
        var hit = Assert.Single(page.QuerySelectorAll(".search-hit"));

        Assert.Equal(PageUrl.Of(app, article), hit.QuerySelector(".teaser__title a")!.GetAttribute("href"));
        Assert.Equal("15 May 2024, 00:30 (Moscow time)", hit.QuerySelector("time")!.TextContent);
        Assert.Equal("/rubric/politics", hit.QuerySelector(".teaser__rubric")!.GetAttribute("href"));
        var snippet = hit.QuerySelector(".search-hit__snippet")!;
        Assert.Equal(["elections", "counting"], snippet.QuerySelectorAll("mark").Select(m => m.TextContent));
        Assert.Empty(snippet.QuerySelectorAll("b"));
        Assert.Contains("<b>counting</b> & checks", snippet.TextContent);
    }

    [Fact]
    public async Task Russian_headline_and_snippet_mark_every_form_of_the_word()
    {
        var article = await publication.ArticleAsync("Итоги <выборов>", slug: "itogi",
            body: "Явка на выборах выросла. Выборы прошли спокойно, итоги выборов объявят завтра.");
        await SearchPage.SetLanguageAsync(app, article, "ru");
        await SearchPage.RebuildAsync(app);

        var page = await SearchPage.OpenAsync(app, "q=выборы");
        var marks = page.QuerySelectorAll(".search-hit__snippet mark").Select(m => m.TextContent);

        Assert.Equal(["выборах", "Выборы", "выборов"], marks);
        var title = page.QuerySelector(".search-hit .teaser__title a")!;
        Assert.Equal("Итоги <выборов>", title.TextContent.Trim());
        Assert.Equal("выборов", Assert.Single(title.QuerySelectorAll("mark")).TextContent);
    }

    [Fact]
    public async Task Pages_are_bounded_and_a_page_past_the_end_finds_nothing()
    {
        for (var i = 0; i < 23; i++) await publication.ArticleAsync($"Budget note {i}", slug: $"budget-note-{i}");
        await SearchPage.RebuildAsync(app);

        var first = await SearchPage.OpenAsync(app, "q=budget");
        Assert.Equal(20, first.QuerySelectorAll(".search-hit").Length);
        Assert.Equal("Found: 23 articles", first.QuerySelector(".search-count")!.TextContent);
        Assert.Equal("/search?q=budget&page=2", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));

        var second = await SearchPage.OpenAsync(app, "q=budget&page=2");
        Assert.Equal(3, second.QuerySelectorAll(".search-hit").Length);
        Assert.Null(second.QuerySelector(".pager a[rel=next]"));

        var beyond = await SearchPage.OpenAsync(app, "q=budget&page=9");
        Assert.NotNull(beyond.QuerySelector(".search-nothing"));
    }

    [Fact]
    public async Task Relevance_favours_the_fresher_of_two_equal_articles_and_date_order_is_newest_first()
    {
        var now = BroadsheetApp.DefaultNow.UtcDateTime;
        var old = await publication.ArticleAsync("Bridge tolls rise", publishedAt: now.AddDays(-400), slug: "old-tolls");
        var fresh = await publication.ArticleAsync("Bridge tolls rise", publishedAt: now.AddDays(-1), slug: "new-tolls");
        var middle = await publication.ArticleAsync("Bridge tolls and bridge tolls again", publishedAt: now.AddDays(-30), slug: "mid-tolls");
        await SearchPage.RebuildAsync(app);

        var byRelevance = await SearchPage.FindAsync(app, "q=tolls");
        Assert.True(byRelevance.IndexOf(fresh.Id) < byRelevance.IndexOf(old.Id));

        Assert.Equal([fresh.Id, middle.Id, old.Id], await SearchPage.FindAsync(app, "q=tolls&sort=date"));
    }

    [Fact]
    public async Task The_layout_carries_a_search_form_on_every_page()
    {
        var home = await app.GetPageAsync("/");
        var form = home.QuerySelector("header form[role=search]")!;

        Assert.Equal("/search", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.NotNull(form.QuerySelector("input[name=q]"));
    }
}
