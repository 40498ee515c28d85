using Broadsheet.Infrastructure.Caching;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Articles;

/// <summary>
/// With the page cache off, the front page still reuses what it loaded (ListingMemo, in HybridCache)
/// until a publication evicts the listings — also when what it loaded is large.
/// </summary>
public sealed class FrontPageMemoTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public FrontPageMemoTests()
    {
        app.Settings["Broadsheet:PageCache"] = "false";
        publication = new TestPublication(app);
    }

    public void Dispose() => app.Dispose();

    private async Task<List<string>> LatestAsync() =>
        [.. (await app.GetPageAsync("/")).QuerySelectorAll(".top .teaser__title a, .stream__list a").Select(a => a.TextContent.Trim())];

    [Fact]
    public async Task A_full_front_page_is_kept_until_the_listings_are_evicted()
    {
        // Twenty teasers with long leads: well over the size at which a count-limited memory cache would refuse it.
        var lead = string.Join(' ', Enumerable.Repeat("The council met late into the night to settle the budget.", 12));
        var at = BroadsheetApp.DefaultNow.UtcDateTime;
        var articles = new List<Broadsheet.Features.Articles.Article>();
        for (var i = 0; i < 20; i++)
            articles.Add(await publication.ArticleAsync($"Budget story {i}", publishedAt: at.AddMinutes(-10 - i), lead: lead));
        // HybridCache takes what was loaded at the very instant of an eviction for stale; the test clock stands still.
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Contains("Budget story 0", await LatestAsync());

        await app.WithDbAsync(db => db.Articles.Where(a => a.Id == articles[0].Id)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Title, "Budget passed")));
        Assert.Contains("Budget story 0", await LatestAsync());

        await app.Services.GetRequiredService<CacheEviction>().EvictAsync(default, PageCache.ListingsTag);
        var latest = await LatestAsync();
        Assert.Contains("Budget passed", latest);
        Assert.DoesNotContain("Budget story 0", latest);
    }
}
