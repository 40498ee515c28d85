using System.Net;
using AngleSharp.Html.Dom;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Features.ViewCounting;
using Broadsheet.Tests.Support;
using Broadsheet.Tests.ViewCounting;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Newsroom;

public sealed class AudienceTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public AudienceTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    private Task<List<HourlyViews>> HoursAsync() =>
        app.WithDbAsync(db => db.HourlyViews.AsNoTracking().OrderBy(h => h.Hour).ToListAsync());

    /// <summary>The rows of a chart's table, as a screen reader meets them: label and figure.</summary>
    private static List<(string Label, string Views)> TableOf(IHtmlDocument page, string chart) =>
        [.. page.GetElementById($"{chart}-title")!.ParentElement!.QuerySelectorAll("tbody tr")
            .Select(r => (r.Children[0].TextContent.Trim(), r.Children[1].TextContent.Trim()))];

    [Fact]
    public async Task Flushed_views_are_kept_by_the_hour_and_hours_older_than_a_month_are_dropped()
    {
        var article = await publication.ArticleAsync("Bridge closes");
        var old = HourlyViews.HourOf(Now.AddDays(-40));
        await app.WithDbAsync(db =>
        {
            db.HourlyViews.Add(new HourlyViews { ArticleId = article.Id, Hour = old, Views = 7 });
            return db.SaveChangesAsync();
        });
        for (var reader = 0; reader < 3; reader++) await Beacon.SendAsync(app, article.Id, Beacon.Reader(reader));
        await Beacon.FlushAsync(app);

        app.Clock.Advance(TimeSpan.FromHours(2));
        await Beacon.SendAsync(app, article.Id, Beacon.Reader(9));
        await Beacon.FlushAsync(app);

        var hours = await HoursAsync();
        Assert.Equal([(HourlyViews.HourOf(Now.AddHours(-2)), 3L), (HourlyViews.HourOf(Now), 1L)], hours.Select(h => (h.Hour, h.Views)));
    }

    [Fact]
    public async Task The_screen_draws_each_chart_with_a_table_of_the_same_figures()
    {
        var politics = await publication.RubricAsync("Politics");
        var nina = await publication.AuthorAsync("Nina Petrova");
        var hot = await publication.ArticleAsync("Hot story", rubric: politics, authors: [nina], publishedAt: Now.AddHours(-6));
        var earlier = await publication.ArticleAsync("Morning story", publishedAt: Now.AddHours(-8));
        var hour = HourlyViews.HourOf(Now);
        var today = DateOnly.FromDateTime(Now.AddHours(3)).DayNumber;
        await app.WithDbAsync(db =>
        {
            db.HourlyViews.AddRange(
                new HourlyViews { ArticleId = hot.Id, Hour = hour, Views = 30 },
                new HourlyViews { ArticleId = hot.Id, Hour = hour - 3, Views = 4 },
                new HourlyViews { ArticleId = earlier.Id, Hour = hour - 5, Views = 12 });
            db.DailyViews.AddRange(
                new DailyViews { ArticleId = hot.Id, Day = today, Views = 34 },
                new DailyViews { ArticleId = hot.Id, Day = today - 40, Views = 1000 },
                new DailyViews { ArticleId = earlier.Id, Day = today, Views = 12 });
            return db.SaveChangesAsync();
        });
        var editor = await app.SignedInAsync(StaffRoles.Editor);

        var page = await editor.GetDocumentAsync("/newsroom/audience");

        Assert.Equal([("Hot story", "30")], TableOf(page, "last-hour"));
        Assert.Equal([("Hot story", "34"), ("Morning story", "12")], TableOf(page, "last-day"));
        Assert.Equal([("Politics", "34")], TableOf(page, "by-rubric"));
        Assert.Equal([("Nina Petrova", "34")], TableOf(page, "by-author"));
        Assert.Equal(2, page.GetElementById("last-day-title")!.ParentElement!.QuerySelectorAll("svg rect").Length);
        Assert.DoesNotContain(page.QuerySelectorAll("script[src]"), s => s.GetAttribute("src")!.Contains("chart", StringComparison.OrdinalIgnoreCase));

        // The leader's hours since publication by default; another article's through its link.
        Assert.Equal(["4", "30"], TableOf(page, "hours").Select(r => r.Views));
        var link = page.GetElementById("last-day-title")!.ParentElement!.QuerySelectorAll("tbody a")[1].GetAttribute("href")!;
        var morning = await editor.GetDocumentAsync(link);
        Assert.Equal("Morning story", morning.GetElementById("hours-title")!.TextContent.Trim());
        Assert.Equal(["12"], TableOf(morning, "hours").Select(r => r.Views));
        Assert.Single(morning.GetElementById("hours-title")!.ParentElement!.QuerySelectorAll("svg rect"));
    }

    [Fact]
    public async Task An_author_cannot_open_the_audience_screen()
    {
        var author = await app.SignedInAsync(StaffRoles.Author);
        using var response = await author.GetAsync("/newsroom/audience");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
