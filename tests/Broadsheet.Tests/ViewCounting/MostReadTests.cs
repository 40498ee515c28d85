using Broadsheet.Infrastructure.Caching;
using Broadsheet.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.ViewCounting;

/// <summary>What readers see of the counts: "most read" on the home page and the count on an article.</summary>
public sealed class MostReadTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public MostReadTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Home_page_lists_the_articles_read_most_today_first()
    {
        var budget = await publication.ArticleAsync("Council approves the budget");
        var bridge = await publication.ArticleAsync("Old bridge to close for repairs");
        var quiet = await publication.ArticleAsync("Library extends its hours");

        for (var reader = 0; reader < 3; reader++) await Beacon.SendAsync(app, bridge.Id, Beacon.Reader(reader));
        await Beacon.SendAsync(app, budget.Id, Beacon.Reader(0));
        await Beacon.FlushAsync(app);

        var home = await app.GetPageAsync("/");
        var today = home.QuerySelector(".most-read ol")!.QuerySelectorAll("li a").Select(a => a.TextContent).ToList();
        Assert.Equal(["Old bridge to close for repairs", "Council approves the budget"], today);
        Assert.DoesNotContain(quiet.Title, today);
    }

    [Fact]
    public async Task Today_counts_only_today_and_the_week_its_seven_days()
    {
        var storm = await publication.ArticleAsync("Harbour reopens after the storm");
        var tram = await publication.ArticleAsync("Tram line reaches the airport");
        var budget = await publication.ArticleAsync("Council approves the budget");
        var site = app.Services.GetRequiredService<Features.Site.SiteSettingsStore>().Current;
        var today = site.LocalDate(app.Clock.GetUtcNow().UtcDateTime).DayNumber;
        await app.WithDbAsync(async db =>
        {
            db.DailyViews.AddRange(
                new Features.ViewCounting.DailyViews { ArticleId = storm.Id, Day = today - 7, Views = 900 },
                new Features.ViewCounting.DailyViews { ArticleId = tram.Id, Day = today - 6, Views = 40 },
                new Features.ViewCounting.DailyViews { ArticleId = budget.Id, Day = today, Views = 3 });
            await db.SaveChangesAsync();
        });

        var lists = (await app.GetPageAsync("/")).QuerySelectorAll(".most-read ol")
            .Select(list => list.QuerySelectorAll("li a").Select(a => a.TextContent).ToList()).ToList();
        Assert.Equal(2, lists.Count);
        Assert.Equal([budget.Title], lists[0]);
        Assert.Equal([tram.Title, budget.Title], lists[1]);
    }

    [Fact]
    public async Task Home_page_has_no_most_read_before_anyone_reads()
    {
        await publication.ArticleAsync("Council approves the budget");

        var home = await app.GetPageAsync("/");

        Assert.Contains("Council approves the budget", home.QuerySelector("main")!.TextContent);
        Assert.Null(home.QuerySelector(".most-read"));
    }

    [Fact]
    public async Task Article_page_shows_new_views_once_flushed_and_its_cached_copy_expires()
    {
        var article = await publication.ArticleAsync("Council approves the budget", views: 100);
        var url = PageUrl.Of(app, article);
        Assert.Equal("Views: 100", (await app.GetPageAsync(url)).QuerySelector("[data-views]")!.TextContent);

        await Beacon.SendAsync(app, article.Id, Beacon.Reader(1));
        await Beacon.SendAsync(app, article.Id, Beacon.Reader(2));
        await Beacon.FlushAsync(app);
        Assert.Equal("Views: 100", (await app.GetPageAsync(url)).QuerySelector("[data-views]")!.TextContent);

        // The page cache and the article memo keep time by the system clock, not the app's
        // TimeProvider, so the test ends the cached copy's 45 seconds by evicting it.
        await app.Services.GetRequiredService<CacheEviction>().EvictAsync(default, PageCache.ArticleTag(article.Id));
        Assert.Equal("Views: 102", (await app.GetPageAsync(url)).QuerySelector("[data-views]")!.TextContent);
    }
}
