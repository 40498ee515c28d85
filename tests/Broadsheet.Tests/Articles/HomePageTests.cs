using Broadsheet.Features.Articles;
using Broadsheet.Features.ViewCounting;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Articles;

public sealed class HomePageTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public HomePageTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Shows_top_stories_latest_news_rubric_blocks_and_the_calendar()
    {
        var politics = await publication.RubricAsync("Politics");
        var now = BroadsheetApp.DefaultNow.UtcDateTime;
        await publication.ArticleAsync("The big story", prominence: 3, rubric: politics, publishedAt: now.AddHours(-2));
        await publication.ArticleAsync("A small update", rubric: politics, publishedAt: now.AddHours(-1));
        // The stream shows the newest stories; a rubric's block, what neither the top nor the stream shows.
        for (var i = 0; i < FrontPageSelection.LatestCount - 1; i++)
            await publication.ArticleAsync($"Brief {i}", publishedAt: now.AddHours(-3).AddMinutes(-i));
        await publication.ArticleAsync("An older debate", rubric: politics, publishedAt: now.AddDays(-1));
        await publication.ArticleAsync("Not yet", publishedAt: now.AddHours(1));

        var page = await app.GetPageAsync("/");

        Assert.Equal(["The big story"], page.QuerySelectorAll(".top .teaser__title").Select(t => t.TextContent.Trim()));
        Assert.Equal("A small update", page.QuerySelectorAll(".stream__list a")[0].TextContent);
        Assert.Equal(FrontPageSelection.LatestCount, page.QuerySelectorAll(".stream__list a").Length);
        Assert.Equal("/rubric/politics", page.QuerySelector(".rubric-block h2 a")!.GetAttribute("href"));
        Assert.Equal(["An older debate"], page.QuerySelectorAll(".rubric-block .teaser__title").Select(t => t.TextContent.Trim()));
        Assert.NotNull(page.QuerySelector(".calendar"));
        Assert.DoesNotContain("Not yet", page.Body!.TextContent);
    }

    [Fact]
    public async Task Most_read_ranks_today_and_this_week_from_daily_figures()
    {
        var now = BroadsheetApp.DefaultNow.UtcDateTime;
        var old = await publication.ArticleAsync("Read all week", publishedAt: now.AddDays(-5));
        var fresh = await publication.ArticleAsync("Read today", publishedAt: now.AddHours(-3));
        var today = DateOnly.FromDateTime(now.AddHours(3)).DayNumber;
        await app.WithDbAsync(async db =>
        {
            db.DailyViews.AddRange(
                new DailyViews { ArticleId = old.Id, Day = today - 4, Views = 900 },
                new DailyViews { ArticleId = old.Id, Day = today, Views = 10 },
                new DailyViews { ArticleId = fresh.Id, Day = today, Views = 200 });
            await db.SaveChangesAsync();
        });

        var page = await app.GetPageAsync("/");
        var lists = page.QuerySelectorAll(".most-read ol").Select(ol => ol.QuerySelectorAll("a").Select(a => a.TextContent).ToList()).ToList();

        Assert.Equal(["Read today", "Read all week"], lists[0]);
        Assert.Equal(["Read all week", "Read today"], lists[1]);
    }

    [Fact]
    public async Task An_empty_publication_says_so_and_renders_no_empty_blocks()
    {
        var page = await app.GetPageAsync("/");
        Assert.Null(page.QuerySelector(".top"));
        Assert.Null(page.QuerySelector(".stream"));
        Assert.Null(page.QuerySelector(".most-read"));
        Assert.Contains("Nothing has been published here yet.", page.Body!.TextContent);
    }
}
