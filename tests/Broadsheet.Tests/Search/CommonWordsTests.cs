using Broadsheet.Features.Articles;
using Broadsheet.Features.Search;
using Microsoft.Extensions.Logging.Abstractions;

namespace Broadsheet.Tests.Search;

/// <summary>
/// A query with a common word in a large archive finds its matches from the words' documents first
/// (<see cref="WordMatches"/>, <see cref="CommonWords"/>), with every term looked up once (<see cref="TermLookups"/>).
/// What a reader sees must be what the whole archive's scoring gives: the same count, nothing they may not see,
/// the same first page. Here the archive is 400 articles, the "large" threshold 80 and the slice 40.
/// </summary>
public sealed class CommonWordsTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 12, 4, 9, 0, 0, DateTimeKind.Utc);
    private readonly string folder = Directory.CreateTempSubdirectory("broadsheet-common-").FullName;
    private readonly ArticleIndex index;
    private readonly FixedClock clock = new(Now);
    private readonly LuceneArticleSearch fast;
    private readonly LuceneArticleSearch whole;

    public CommonWordsTests()
    {
        index = new ArticleIndex(Path.Combine(folder, "search-index"), IndexStorage.Files, NullLogger.Instance);
        fast = new LuceneArticleSearch(index, clock, new NewestSlice(size: 40, commonWord: 10), new CommonWords(), new TermLookups());
        whole = new LuceneArticleSearch(index, clock, new NewestSlice(size: int.MaxValue / 4));
    }

    public void Dispose()
    {
        index.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Common_words_no_article_has_together_find_nothing_and_say_so()
    {
        Archive(400, i => ($"Port notes {i}", i % 2 == 0 ? "The harbour authority met again." : "The ferry ran late."));
        index.Publish();

        var both = fast.Search(new SearchQuery { Text = "harbour ferry" });

        Assert.Empty(both.Hits);
        Assert.Equal(0, both.Total);
        Assert.False(both.Estimated);
        Assert.Equal(200, fast.Search(new SearchQuery { Text = "ferry" }).Total);
    }

    [Fact]
    public void Drafts_scheduled_and_removed_articles_are_neither_found_nor_counted()
    {
        Archive(400, i => ($"Port notes {i}", "The harbour authority met again."));
        // Searched first, as on a running site: what is kept of the segment then must not outlive the removal.
        index.Publish();
        Assert.Equal(400, fast.Search(new SearchQuery { Text = "harbour" }).Total);
        Put(1001, "Harbour draft", "The harbour authority has not decided.", Now.AddDays(-1), ArticleStatus.Draft);
        Put(1002, "Harbour plans", "The harbour authority will meet tomorrow.", Now.AddDays(1));
        index.Remove(5);
        index.Publish();

        var results = fast.Search(new SearchQuery { Text = "harbour", Take = 400 });

        Assert.Equal(399, results.Total);
        Assert.Equal(399, results.Hits.Count);
        Assert.DoesNotContain(1001, Ids(results));
        Assert.DoesNotContain(1002, Ids(results));
        Assert.DoesNotContain(5, Ids(results));
        Assert.Equal(whole.Search(new SearchQuery { Text = "harbour", Take = 400 }).Total, results.Total);
    }

    [Fact]
    public void A_rubric_filter_counts_and_finds_that_rubric_only()
    {
        Archive(400, i => ($"Port notes {i}", "The harbour authority met again."), i => i % 4 == 0 ? ("culture", "Culture") : ("port", "Port"));
        index.Publish();
        var query = new SearchQuery { Text = "harbour", RubricSlug = "culture" };

        var results = fast.Search(query);

        Assert.Equal(100, results.Total);
        Assert.All(results.Hits, h => Assert.Equal("culture", h.RubricSlug));
        Assert.Equal(Ids(whole.Search(query)), Ids(results));
    }

    [Fact]
    public void A_rare_word_with_a_common_one_finds_what_the_whole_archive_does()
    {
        Archive(400, i => ($"Port notes {i}", i % 70 == 3 ? "The harbour authority met the zeppelin crew." : "The harbour authority met again."));
        index.Publish();
        var query = new SearchQuery { Text = "harbour zeppelin" };

        var results = fast.Search(query);

        Assert.Equal([3, 73, 143, 213, 283, 353], Ids(results));
        Assert.Equal(6, results.Total);
        Assert.Equal(Ids(whole.Search(query)), Ids(results));
    }

    [Fact]
    public void With_no_room_to_keep_words_the_answers_are_the_same()
    {
        Archive(400, i => ($"Port notes {i}", i % 3 == 0 ? "The ferry ran late past the harbour." : "The harbour authority met again."));
        var old = Put(1000, "Ferry", "A history of the ferry.", Now.AddYears(-4));
        index.Publish();
        var cramped = new LuceneArticleSearch(index, clock, new NewestSlice(size: 40, commonWord: 10), new CommonWords(budget: 0), new TermLookups(capacity: 1));

        foreach (var text in new[] { "ferry", "harbour ferry", "harbour", "ferry history" })
        {
            var query = new SearchQuery { Text = text };
            var expected = fast.Search(query);
            var results = cramped.Search(query);
            Assert.Equal(Ids(expected), Ids(results));
            Assert.Equal(expected.Total, results.Total);
        }
        Assert.Equal(old, cramped.Search(new SearchQuery { Text = "ferry" }).Hits[0].ArticleId);
    }

    [Fact]
    public void An_article_published_after_its_words_were_looked_up_is_found_and_counted()
    {
        Archive(400, i => ($"Port notes {i}", "The harbour authority met again."));
        index.Publish();
        Assert.Equal(400, fast.Search(new SearchQuery { Text = "harbour" }).Total);

        Put(2000, "Harbour reopens", "The harbour authority reopened the quay.", Now.AddMinutes(-5));
        index.Publish();
        var results = fast.Search(new SearchQuery { Text = "harbour" });

        Assert.Equal(401, results.Total);
        Assert.Equal(2000, results.Hits[0].ArticleId);
    }

    /// <summary>Article i (from 1) published 4.5 × i days ago: 400 of them span five years.</summary>
    private void Archive(int count, Func<int, (string Title, string Body)> article, Func<int, (string Slug, string Name)>? rubric = null)
    {
        for (var i = 1; i <= count; i++)
        {
            var (title, body) = article(i);
            Put(i, title, body, Now.AddDays(-i * 4.5), rubric: rubric?.Invoke(i));
        }
    }

    private int Put(int id, string title, string body, DateTime publishedAt, ArticleStatus status = ArticleStatus.Published, (string Slug, string Name)? rubric = null)
    {
        index.Put(new IndexedArticle(id, $"article-{id}", title, "", body, "en", status,
            status == ArticleStatus.Published ? publishedAt : null, publishedAt, [rubric ?? ("port", "Port")], [], Guid.NewGuid()));
        return id;
    }

    private static List<int> Ids(SearchResults results) => [.. results.Hits.Select(h => h.ArticleId)];

    private sealed class FixedClock(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utc);
    }
}
