using Broadsheet.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.ViewCounting;

public sealed class ViewFlusherTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public ViewFlusherTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Adds_views_to_the_article_and_to_the_day_in_the_site_time_zone()
    {
        // 22:30 UTC on 15 May is 01:30 on 16 May in Moscow, the site's zone.
        app.Clock.Set(new DateTimeOffset(2024, 5, 15, 22, 30, 0, TimeSpan.Zero));
        var article = await publication.ArticleAsync("Council approves the budget", views: 100);

        await Beacon.SendAsync(app, article.Id, Beacon.Reader(1));
        await Beacon.SendAsync(app, article.Id, Beacon.Reader(2));
        await Beacon.FlushAsync(app);
        await Beacon.SendAsync(app, article.Id, Beacon.Reader(3));
        await Beacon.FlushAsync(app);

        Assert.Equal(103, await Beacon.ViewCountAsync(app, article.Id));
        var day = Assert.Single(await Beacon.DailyViewsAsync(app));
        Assert.Equal((article.Id, new DateOnly(2024, 5, 16).DayNumber, 3L), (day.ArticleId, day.Day, day.Views));
    }

    // The trigger is SQLite's dialect; the flush's SQL is the same on PostgreSQL.
    [SqliteFact]
    public async Task Counts_views_without_rewriting_the_article_row()
    {
        var article = await publication.ArticleAsync("Council approves the budget");
        var before = await app.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == article.Id));
        // A trigger stands in for what any write to the row costs (PostgreSQL rewrites it whole, search vector included).
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""
            CREATE TABLE "RowWrites" ("Id" INTEGER);
            CREATE TRIGGER "ArticleWritten" AFTER UPDATE ON "Articles" BEGIN INSERT INTO "RowWrites" VALUES (NEW."Id"); END;
            """));

        await Beacon.SendAsync(app, article.Id, Beacon.Reader(1));
        await Beacon.SendAsync(app, article.Id, Beacon.Reader(2));
        await Beacon.FlushAsync(app);

        Assert.Equal(2, await Beacon.ViewCountAsync(app, article.Id));
        Assert.Equal(0, await app.WithDbAsync(db => db.Database.SqlQueryRaw<int>("""SELECT COUNT(*) AS "Value" FROM "RowWrites" """).SingleAsync()));
        var after = await app.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == article.Id));
        Assert.Equal(before.Version, after.Version);
    }

    [Fact]
    public async Task Keeps_views_whose_write_failed_for_the_next_flush()
    {
        var article = await publication.ArticleAsync("Council approves the budget");
        await Beacon.SendAsync(app, article.Id, Beacon.Reader(1));
        await Beacon.SendAsync(app, article.Id, Beacon.Reader(2));

        // Without its table the upsert fails, and the transaction takes the article's count back with it.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""ALTER TABLE "DailyViews" RENAME TO "DailyViewsAway" """));
        await Beacon.FlushAsync(app);
        Assert.Equal(0, await Beacon.ViewCountAsync(app, article.Id));

        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""ALTER TABLE "DailyViewsAway" RENAME TO "DailyViews" """));
        await Beacon.SendAsync(app, article.Id, Beacon.Reader(3));
        await Beacon.FlushAsync(app);

        Assert.Equal(3, await Beacon.ViewCountAsync(app, article.Id));
        Assert.Equal(3, Assert.Single(await Beacon.DailyViewsAsync(app)).Views);
    }

    [Fact]
    public async Task Writes_on_its_own_timer()
    {
        using var quick = new BroadsheetApp();
        quick.Settings["Broadsheet:ViewFlushSeconds"] = "1";
        var article = await new TestPublication(quick).ArticleAsync("Council approves the budget");

        await Beacon.SendAsync(quick, article.Id);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await Beacon.ViewCountAsync(quick, article.Id) == 0 && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Equal(1, await Beacon.ViewCountAsync(quick, article.Id));
    }

    [Fact]
    public async Task Writes_what_is_left_when_the_site_shuts_down()
    {
        var site = new BroadsheetApp();
        site.Settings["Broadsheet:ViewFlushSeconds"] = "3600";
        var article = await new TestPublication(site).ArticleAsync("Council approves the budget");
        await Beacon.SendAsync(site, article.Id, Beacon.Reader(1));
        await Beacon.SendAsync(site, article.Id, Beacon.Reader(2));
        Assert.Equal(0, await Beacon.ViewCountAsync(site, article.Id));

        // Restart stops the first app gracefully; the second finds what the first wrote on its way out.
        using var restarted = site.Restart();
        Assert.Equal(2, await Beacon.ViewCountAsync(restarted, article.Id));
        Assert.Equal(2L, await restarted.WithDbAsync(db => db.DailyViews.Where(d => d.ArticleId == article.Id).SumAsync(d => d.Views)));
    }
}
