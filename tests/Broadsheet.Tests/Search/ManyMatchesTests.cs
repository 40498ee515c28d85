using Broadsheet.Features.Articles;
using Broadsheet.Features.Search;
using Broadsheet.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Search;

/// <summary>
/// PostgreSQL ranks the newest thousand matches of a word, found month by month, and stops counting past
/// a thousand. What a reader must still get: the best of the recent matches first, every page up to the
/// fiftieth, an exact count in a narrower date range, and words only old articles use.
/// </summary>
public sealed class ManyMatchesTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public ManyMatchesTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    private IArticleSearch Search => app.Services.GetRequiredService<IArticleSearch>();

    [PostgresFact]
    public async Task A_word_in_more_than_a_thousand_articles_is_ranked_among_the_newest_and_counted_as_more_than()
    {
        // 1,200 mentions of the harbour, one every twelve hours back from now: about twenty months.
        await ArticlesAsync(1200, i => ($"Port notes {i}", "The harbour authority met again.", Now.AddHours(-12 * (i + 1))));
        var best = await publication.ArticleAsync("Harbour reopens after the storm", publishedAt: Now.AddDays(-3),
            body: "The harbour reopened; the harbour master thanked the crews.");

        var results = await Search.SearchAsync(new SearchQuery { Text = "harbour" });

        Assert.True(results.MoreThanTotal);
        Assert.Equal(SearchRequest.MaxPages * SearchRequest.PageSize, results.Total);
        Assert.Equal(best.Id, results.Hits[0].ArticleId);
        var deepest = await Search.SearchAsync(new SearchQuery { Text = "harbour", Skip = (SearchRequest.MaxPages - 1) * SearchRequest.PageSize });
        Assert.Equal(SearchRequest.PageSize, deepest.Hits.Count);
        Assert.Empty(deepest.Hits.Select(h => h.ArticleId).Intersect(results.Hits.Select(h => h.ArticleId)));

        var page = await SearchPage.OpenAsync(app, "q=harbour");
        Assert.Equal("Found: more than 1,000 articles", page.QuerySelector(".search-count")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("a[rel=next]"));
        var last = await SearchPage.OpenAsync(app, $"q=harbour&page={SearchRequest.MaxPages}");
        Assert.Equal(SearchRequest.PageSize, SearchPage.HitIds(last).Count);
        Assert.Null(last.QuerySelector("a[rel=next]"));

        var byDate = await Search.SearchAsync(new SearchQuery { Text = "harbour", Order = SearchOrder.Date });
        Assert.Equal(Now.AddHours(-12), byDate.Hits[0].PublishedAt);
        Assert.Equal(byDate.Hits.OrderByDescending(h => h.PublishedAt).Select(h => h.ArticleId), byDate.Hits.Select(h => h.ArticleId));
    }

    [PostgresFact]
    public async Task Within_a_date_range_the_count_is_exact()
    {
        await ArticlesAsync(1200, i => ($"Port notes {i}", "The harbour authority met again.", Now.AddHours(-12 * (i + 1))));
        var (from, to) = (Now.AddDays(-400), Now.AddDays(-300));
        var expected = Enumerable.Range(0, 1200).Count(i => Now.AddHours(-12 * (i + 1)) is var at && at >= from && at < to);

        var results = await Search.SearchAsync(new SearchQuery { Text = "harbour", FromUtc = from, ToUtc = to, Take = 1000 });

        Assert.False(results.MoreThanTotal);
        Assert.Equal(expected, results.Total);
        Assert.Equal(expected, results.Hits.Count);
        Assert.All(results.Hits, h => Assert.InRange(h.PublishedAt!.Value, from, to));
    }

    [PostgresFact]
    public async Task Words_of_a_few_hundred_articles_or_of_old_ones_only_are_all_found_and_counted()
    {
        // 300 ferry stories over twenty months: too few in the last two months to stop there.
        await ArticlesAsync(300, i => ($"Ferry timetable {i}", "The ferry runs again.", Now.AddDays(-2 * (i + 1))));
        var old = await publication.ArticleAsync("Lighthouse keeper retires", publishedAt: Now.AddYears(-6),
            body: "The last lighthouse keeper on the coast retired.");

        var ferries = await Search.SearchAsync(new SearchQuery { Text = "ferry", Take = 1000 });
        var lighthouse = await Search.SearchAsync(new SearchQuery { Text = "lighthouse" });

        Assert.False(ferries.MoreThanTotal);
        Assert.Equal(300, ferries.Total);
        Assert.Equal(300, ferries.Hits.Select(h => h.ArticleId).Distinct().Count());
        Assert.Equal([old.Id], lighthouse.Hits.Select(h => h.ArticleId));
        Assert.Equal(1, lighthouse.Total);
        var page = await SearchPage.OpenAsync(app, "q=ferry");
        Assert.Equal("Found: 300 articles", page.QuerySelector(".search-count")!.TextContent.Trim());
    }

    [PostgresFact]
    public async Task The_newsroom_finds_an_article_scheduled_months_ahead_among_many_matches()
    {
        // Sixty a month for twenty months and an archive six years deep: the last two months are too few to stop at,
        // so the search probes the twenty-odd months that should hold a thousand. The scheduled article is filed under
        // a month after them all and must still be looked at.
        await ArticlesAsync(1200, i => ($"Port notes {i}", "The harbour authority met again.", Now.AddHours(-12 * (i + 1))));
        await publication.ArticleAsync("Harbour history", publishedAt: Now.AddYears(-6), body: "The harbour was built in 1890.");
        var scheduled = await publication.ArticleAsync("Harbour festival programme", publishedAt: Now.AddDays(240),
            status: ArticleStatus.Scheduled, body: "The harbour festival returns in summer.");

        var newsroom = await Search.SearchAsync(new SearchQuery { Text = "harbour", IncludeUnpublished = true, Order = SearchOrder.Date });
        var readers = await Search.SearchAsync(new SearchQuery { Text = "harbour", Order = SearchOrder.Date });

        Assert.Equal(scheduled.Id, newsroom.Hits[0].ArticleId);
        Assert.True(newsroom.MoreThanTotal);
        Assert.Equal(Now.AddHours(-12), readers.Hits[0].PublishedAt);
        Assert.DoesNotContain(scheduled.Id, readers.Hits.Select(h => h.ArticleId));
    }

    /// <summary>Many articles at once, saved as the newsroom saves them (the database computes each one's search column).</summary>
    private Task ArticlesAsync(int count, Func<int, (string Title, string Body, DateTime At)> make) =>
        app.WithDbAsync(async db =>
        {
            for (var i = 0; i < count; i++)
            {
                var (title, body, at) = make(i);
                db.Articles.Add(new Article
                {
                    Title = title, Slug = Slug.From(title), Lead = "A lead paragraph.", Body = body, BodyHtml = $"<p>{body}</p>",
                    Status = ArticleStatus.Published, PublishedAt = at, CreatedAt = at,
                });
            }
            await db.SaveChangesAsync();
        });
}
