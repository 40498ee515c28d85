using System.Net;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Archive;

public sealed class ArchiveTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public ArchiveTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    private static DateTime Utc(int y, int m, int d, int h = 12) => new(y, m, d, h, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Calendar_links_days_with_articles_and_counts_them_in_the_title()
    {
        await publication.ArticleAsync("Morning news", publishedAt: Utc(2024, 5, 3, 6));
        await publication.ArticleAsync("Evening news", publishedAt: Utc(2024, 5, 3, 17));
        await publication.ArticleAsync("Another day", publishedAt: Utc(2024, 5, 10));

        var page = await app.GetPageAsync("/2024/05");
        var links = page.QuerySelectorAll(".calendar__grid td a").ToList();

        Assert.Equal(["3", "10"], links.Select(a => a.TextContent));
        Assert.Equal("/2024/05/03", links[0].GetAttribute("href"));
        Assert.Equal("2 articles", links[0].GetAttribute("title"));
        Assert.Equal("1 article", links[1].GetAttribute("title"));
    }

    [Fact]
    public async Task Calendar_starts_weeks_on_monday_in_both_languages_and_places_the_first_day()
    {
        await publication.ArticleAsync("May", publishedAt: Utc(2024, 5, 1));
        var page = await app.GetPageAsync("/2024/05");
        Assert.Equal("Mon", page.QuerySelector(".calendar__grid th")!.TextContent);
        // 1 May 2024 was a Wednesday: two empty cells come before it.
        var firstWeek = page.QuerySelector(".calendar__grid tbody tr")!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["", "", "1", "2", "3", "4", "5"], firstWeek);

        await publication.SettingsAsync(s => s.Language = "ru");
        var ru = await app.GetPageAsync("/2024/05");
        Assert.Equal("Пн", ru.QuerySelector(".calendar__grid th")!.TextContent);
        Assert.Equal("Май 2024", ru.QuerySelector(".calendar__month")!.TextContent);
    }

    [Fact]
    public async Task Month_links_point_only_where_articles_exist()
    {
        await publication.ArticleAsync("March", publishedAt: Utc(2024, 3, 14));
        await publication.ArticleAsync("May", publishedAt: Utc(2024, 5, 2));

        var may = await app.GetPageAsync("/2024/05");
        Assert.Equal("/2024/03", may.QuerySelector(".calendar__prev")!.GetAttribute("href"));
        Assert.Null(may.QuerySelector(".calendar__next"));

        var march = await app.GetPageAsync("/2024/03");
        Assert.Null(march.QuerySelector(".calendar__prev"));
        Assert.Equal("/2024/05", march.QuerySelector(".calendar__next")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Days_follow_the_site_time_zone()
    {
        // 22:30 UTC on 4 May is 01:30 on 5 May in Moscow.
        await publication.ArticleAsync("Late night", publishedAt: new DateTime(2024, 5, 4, 22, 30, 0, DateTimeKind.Utc));

        var day = await app.GetPageAsync("/2024/05/05");
        Assert.Equal(["Late night"], day.QuerySelectorAll(".teaser__title a").Select(a => a.TextContent.Trim()));
        var before = await app.GetPageAsync("/2024/05/04");
        Assert.Empty(before.QuerySelectorAll(".teaser__title a"));
        Assert.Equal("Archive: 5 May 2024", day.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Archive_hides_drafts_and_future_articles()
    {
        await publication.ArticleAsync("Scheduled for tomorrow", publishedAt: BroadsheetApp.DefaultNow.UtcDateTime.AddDays(1));
        await publication.ArticleAsync("A draft", status: Broadsheet.Features.Articles.ArticleStatus.Draft);
        await publication.ArticleAsync("On the record", publishedAt: Utc(2024, 5, 3, 6));
        var page = await app.GetPageAsync("/2024/05");
        Assert.Equal(["/2024/05/03"], page.QuerySelectorAll(".calendar__grid td a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["On the record"], page.QuerySelectorAll(".teaser__title a").Select(a => a.TextContent.Trim()));
    }

    [Theory]
    [InlineData("/2024/13")]
    [InlineData("/2024/00")]
    [InlineData("/2024/02/30")]
    [InlineData("/0001/01")]
    [InlineData("/2024/05/32")]
    public async Task Impossible_dates_are_404(string path) =>
        Assert.Equal(HttpStatusCode.NotFound, (await app.Reader().GetAsync(path)).StatusCode);
}
