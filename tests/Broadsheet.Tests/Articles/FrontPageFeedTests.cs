using Broadsheet.Features.Articles;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Articles;

/// <summary>How the front page writes times: a day heading in the feed, short teaser times, the zone named once.</summary>
public sealed class FrontPageFeedTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public FrontPageFeedTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Latest_news_puts_each_day_under_its_own_heading()
    {
        // DefaultNow is 09:00 UTC on Wednesday 15 May 2024, 12:00 in Moscow.
        var now = BroadsheetApp.DefaultNow.UtcDateTime;
        // The lead leaves the feed (a story is shown once on the front page, FrontPageSelection).
        await publication.ArticleAsync("The lead", prominence: 2, publishedAt: now.AddHours(-2));
        await publication.ArticleAsync("This morning", publishedAt: now.AddHours(-1));
        await publication.ArticleAsync("Yesterday afternoon", publishedAt: now.AddHours(-20));
        await publication.ArticleAsync("Two days ago", publishedAt: now.AddHours(-40));

        var page = await app.GetPageAsync("/");

        Assert.Equal(["Wednesday, 15 May", "Tuesday, 14 May", "Monday, 13 May"],
            page.QuerySelectorAll(".stream__day").Select(h => h.TextContent.Trim()));
        var days = page.QuerySelectorAll(".stream__list").Select(l => l.QuerySelectorAll("a").Select(a => a.TextContent).ToList()).ToList();
        List<List<string>> expected = [["This morning"], ["Yesterday afternoon"], ["Two days ago"]];
        Assert.Equal(expected, days);
    }

    [Fact]
    public async Task Teasers_give_a_short_time_and_the_page_names_the_zone_once()
    {
        var now = BroadsheetApp.DefaultNow.UtcDateTime;
        var rubric = await publication.RubricAsync("City");
        await publication.ArticleAsync("Tram line opens", rubric: rubric, prominence: 2, publishedAt: now.AddHours(-1));
        await publication.ArticleAsync("Bridge closes", rubric: rubric, publishedAt: now.AddHours(-2));

        var page = await app.GetPageAsync("/");

        var time = page.QuerySelector(".top .teaser time")!;
        Assert.Equal("15 May, 11:00", time.TextContent);
        Assert.Equal("15 May 2024, 11:00 (Moscow time)", time.GetAttribute("title"));
        Assert.Equal("All times Moscow time", page.QuerySelector(".stream__zone")!.TextContent.Trim());
        Assert.Single(page.QuerySelectorAll("main *"), e => e.ChildNodes.Any(n => n.NodeType == AngleSharp.Dom.NodeType.Text && n.TextContent.Contains("Moscow time", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task On_a_Russian_site_teaser_times_and_day_headings_are_Russian()
    {
        await publication.SettingsAsync(s => { s.Language = "ru"; s.TimeZoneLabel = "мск"; });
        var now = BroadsheetApp.DefaultNow.UtcDateTime;
        var rubric = await publication.RubricAsync("Город");
        await publication.ArticleAsync("Трамвай пошёл", slug: "tramvaj", rubric: rubric, publishedAt: now.AddHours(-1));
        await publication.ArticleAsync("Мост закрыли", slug: "most", rubric: rubric, publishedAt: now.AddHours(-2));

        var page = await app.GetPageAsync("/");

        Assert.Equal("15 мая, 11:00", page.QuerySelector(".top .teaser time")!.TextContent);
        Assert.Equal("Среда, 15 мая", page.QuerySelector(".stream__day")!.TextContent.Trim());
        Assert.Equal("Время мск", page.QuerySelector(".stream__zone")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_column_teaser_sets_the_authors_photo_beside_the_headline()
    {
        var opinion = await publication.RubricAsync("Opinion", opinion: true);
        var author = await publication.AuthorAsync("Helen Marsh", photo: "/media/helen.jpg");
        var now = BroadsheetApp.DefaultNow.UtcDateTime;
        await publication.ArticleAsync("Why the budget is wrong", rubric: opinion, authors: [author], publishedAt: now.AddDays(-2));
        // Newer news fills the lead and the feed, so the column is left for its rubric's block (a story is shown once).
        for (var i = 0; i < FrontPageSelection.LatestCount + 1; i++)
            await publication.ArticleAsync($"News {i}", slug: $"news-{i}", publishedAt: now.AddMinutes(-i - 1));

        var page = await app.GetPageAsync("/");

        var teaser = page.QuerySelector(".rubric-block .teaser")!;
        Assert.Contains("teaser--column", teaser.ClassList);
        Assert.Equal("/media/helen.jpg", teaser.QuerySelector(".teaser__photo")!.GetAttribute("src"));
        Assert.Equal("Helen Marsh", teaser.QuerySelector(".teaser__author")!.TextContent);
    }
}
