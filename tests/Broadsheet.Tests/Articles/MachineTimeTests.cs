using System.Globalization;
using AngleSharp.Dom;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Articles;

/// <summary>The <c>datetime</c> of every <c>&lt;time&gt;</c> is ISO 8601 with an offset, whatever the language; the text stays the reader's.</summary>
public sealed class MachineTimeTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public MachineTimeTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    private static DateTimeOffset Machine(IElement time)
    {
        var value = time.GetAttribute("datetime");
        Assert.True(DateTimeOffset.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at),
            $"<time datetime=\"{value}\"> is not ISO 8601 with an offset");
        return at;
    }

    [Fact]
    public async Task On_a_Russian_site_the_article_page_and_listings_write_the_articles_instant_in_ISO_8601()
    {
        await publication.SettingsAsync(s => s.Language = "ru");
        var tag = await publication.TagAsync("Transport");
        // 21:19 UTC is 00:19 the next day in Moscow, so the offset and the date both show.
        var published = new DateTime(2024, 5, 14, 21, 19, 0, DateTimeKind.Utc);
        var updated = published.AddHours(3);
        var article = await publication.ArticleAsync("Трамвай пошёл по новому маршруту", publishedAt: published, updatedAt: updated, tags: [tag]);

        var page = await app.GetPageAsync(PageUrl.Of(app, article));
        var shown = page.QuerySelector(".story__published")!;
        Assert.Equal(new DateTimeOffset(published), Machine(shown));
        Assert.Equal(TimeSpan.FromHours(3), Machine(shown).Offset);
        Assert.StartsWith("15.05.2024 00:19", shown.TextContent, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(updated), Machine(page.QuerySelector(".story__updated time")!));

        var listing = await app.GetPageAsync($"/tag/{tag.Slug}");
        var teaser = Assert.Single(listing.QuerySelectorAll(".teaser time"));
        Assert.Equal(new DateTimeOffset(published), Machine(teaser));
        // Teasers give the short form; the full one, with the zone, is in the title.
        Assert.Equal("15 мая, 00:19", teaser.TextContent);
        Assert.StartsWith("15.05.2024 00:19", teaser.GetAttribute("title"), StringComparison.Ordinal);

        // Alone on the front page it is the lead (a story is shown once there), in the short form too.
        var front = await app.GetPageAsync("/");
        var lead = Assert.Single(front.QuerySelectorAll(".top .teaser time"));
        Assert.Equal(new DateTimeOffset(published), Machine(lead));
        Assert.Equal("15 мая, 00:19", lead.TextContent);
    }
}
