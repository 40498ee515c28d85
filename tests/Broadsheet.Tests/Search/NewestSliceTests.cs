using Broadsheet.Features.Articles;
using Broadsheet.Features.Search;
using Broadsheet.Features.Site;
using Microsoft.Extensions.Logging.Abstractions;

namespace Broadsheet.Tests.Search;

/// <summary>
/// A common word in a large archive is scored in its newest slice and in the older headlines only
/// (<see cref="NewestSlice"/>). Here the slice is 40 articles of 400, five years of news: what a reader gets
/// on the first page must be what scoring the whole archive gives. The count is exact when a word is in an eighth of
/// the archive or more, or every word in more than the slice's common word (<see cref="WordMatches"/> counts the
/// matches first); for a phrase, an estimate.
/// </summary>
public sealed class NewestSliceTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);
    private readonly string folder = Directory.CreateTempSubdirectory("broadsheet-slice-").FullName;
    private readonly ArticleIndex index;
    private readonly LuceneArticleSearch sliced;
    private readonly LuceneArticleSearch whole;

    public NewestSliceTests()
    {
        index = new ArticleIndex(Path.Combine(folder, "search-index"), IndexStorage.Files, NullLogger.Instance);
        var clock = new FixedClock(Now);
        sliced = new LuceneArticleSearch(index, clock, new NewestSlice(size: 40, commonWord: 10));
        whole = new LuceneArticleSearch(index, clock, new NewestSlice(size: int.MaxValue / 4));
    }

    public void Dispose()
    {
        index.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void An_old_headline_that_is_the_query_still_comes_first()
    {
        Archive(400, i => ($"Port notes {i}", "The harbour authority met again and discussed the harbour."));
        var old = Put(1000, "Harbour", "A history of the port.", Now.AddYears(-4));
        index.Publish();

        var results = sliced.Search(new SearchQuery { Text = "harbour" });

        Assert.False(results.Estimated);
        Assert.Equal(401, results.Total);
        Assert.Equal(old, results.Hits[0].ArticleId);
        Assert.Equal(Ids(whole.Search(new SearchQuery { Text = "harbour" })), Ids(results));
    }

    [Fact]
    public void Of_equally_good_matches_the_newest_come_first_as_in_the_whole_archive()
    {
        Archive(400, i => ($"Port notes {i}", "The harbour authority met again."));
        index.Publish();

        var results = sliced.Search(new SearchQuery { Text = "harbour" });

        Assert.False(results.Estimated);
        Assert.Equal(400, results.Total);
        Assert.Equal(Enumerable.Range(1, 20), Ids(results));
        Assert.Equal(Ids(whole.Search(new SearchQuery { Text = "harbour" })), Ids(results));
        Assert.False(whole.Search(new SearchQuery { Text = "harbour" }).Estimated);
    }

    [Fact]
    public void Newest_first_order_is_exact_and_a_common_words_count_too()
    {
        // Every third article mentions the ferry, at any age: a common word.
        Archive(400, i => ($"Port notes {i}", i % 3 == 0 ? "The ferry ran late." : "The harbour authority met again."));
        index.Publish();
        var query = new SearchQuery { Text = "ferry", Order = SearchOrder.Date, Take = 10 };

        var results = sliced.Search(query);
        var exact = whole.Search(query);

        Assert.Equal(Ids(exact), Ids(results));
        Assert.False(results.Estimated);
        Assert.Equal(133, results.Total);
        Assert.Equal(exact.Total, results.Total);
    }

    [Fact]
    public void Newest_first_order_is_exact_and_a_phrases_count_is_near_the_true_one()
    {
        // Every third article has the phrase, at any age. Where words stand is not in the common words' bit sets,
        // so a phrase is searched in the slice and its count estimated.
        Archive(400, i => ($"Port notes {i}", i % 3 == 0 ? "The ferry ran late." : "The harbour authority met again."));
        index.Publish();
        // The slice of 40 holds about 13 of them: a page of 10 is filled there.
        var query = new SearchQuery { Text = "\"ferry ran\"", Order = SearchOrder.Date, Take = 10 };

        var results = sliced.Search(query);
        var exact = whole.Search(query);

        Assert.Equal(Ids(exact), Ids(results));
        Assert.True(results.Estimated);
        Assert.InRange(results.Total, exact.Total * 0.8, exact.Total * 1.2);
    }

    [Fact]
    public void A_page_the_slice_cannot_fill_is_searched_in_the_whole_archive()
    {
        Archive(400, i => ($"Port notes {i}", "The harbour authority met again."));
        index.Publish();

        var query = new SearchQuery { Text = "harbour", Skip = 380, Take = 20 };

        var deep = sliced.Search(query);

        Assert.False(deep.Estimated);
        Assert.Equal(400, deep.Total);
        Assert.Equal(Ids(whole.Search(query)), Ids(deep));
        Assert.Equal(20, deep.Hits.Count);
    }

    [Theory]
    [InlineData(250_000, "Found: about 250,000 articles", "Найдено: около 250\u00a0000 статей")]
    [InlineData(21, "Found: about 21 articles", "Найдено: около 21 статьи")]
    public void An_estimated_count_says_about(long n, string english, string russian)
    {
        Assert.Equal(english, SearchPageText.English.FoundAbout(n));
        Assert.Equal(russian, SearchPageText.Russian.FoundAbout(n));
    }

    /// <summary>Article i (from 1) published 4.5 × i days ago: 400 of them span five years.</summary>
    private void Archive(int count, Func<int, (string Title, string Body)> article)
    {
        for (var i = 1; i <= count; i++)
        {
            var (title, body) = article(i);
            Put(i, title, body, Now.AddDays(-i * 4.5));
        }
    }

    private int Put(int id, string title, string body, DateTime publishedAt)
    {
        index.Put(new IndexedArticle(id, $"article-{id}", title, "", body, "en", ArticleStatus.Published, publishedAt, publishedAt,
            [("port", "Port")], [], Guid.NewGuid()));
        return id;
    }

    private static List<int> Ids(SearchResults results) => [.. results.Hits.Select(h => h.ArticleId)];

    private sealed class FixedClock(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utc);
    }
}
