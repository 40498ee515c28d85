using Broadsheet.Features.Search;
using Broadsheet.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Broadsheet.Tests.Search;

/// <summary>
/// A full rebuild, as the <c>reindex</c> command runs it: several threads add documents at once into an emptied
/// index, with no lookup of an older copy. Every article must come out findable, once.
/// </summary>
public sealed class RebuildTests : IDisposable
{
    private const int Articles = 150;
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;
    private readonly string folder = Directory.CreateTempSubdirectory("broadsheet-rebuild-").FullName;

    public RebuildTests() => publication = new TestPublication(app);

    public void Dispose()
    {
        app.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <param name="asACommand">
    /// The commands write through positional reads (<see cref="IndexStorage.Streamed"/>); the site, started
    /// afterwards, reads the same files through memory maps and must find every article.
    /// </param>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_rebuild_on_several_threads_finds_every_article_once_and_a_second_rebuild_adds_none(bool asACommand)
    {
        var ids = new HashSet<int>();
        for (var i = 0; i < Articles; i++)
            ids.Add((await publication.ArticleAsync($"Zanzibarite shipment number {i}", slug: $"zanzibarite-{i}")).Id);
        var path = Path.Combine(folder, "search-index");
        var index = new ArticleIndex(path, asACommand ? IndexStorage.Streamed : IndexStorage.Files, NullLogger.Instance);
        var search = new LuceneArticleSearch(index, app.Clock);
        var rebuilt = 0;

        foreach (var round in new[] { "first", "second" })
        {
            var report = await app.WithDbAsync(db => SearchIndexer.RebuildAsync(index, db, null, CancellationToken.None, writers: 4));

            var found = search.Search(new SearchQuery { Text = "zanzibarite", Take = 500 });
            Assert.True(report.Articles >= Articles, $"{round} rebuild read {report.Articles} articles");
            Assert.Equal(Articles, found.Total);
            Assert.Equal(ids, found.Hits.Select(h => h.ArticleId).ToHashSet());
            Assert.Equal(report.Articles, index.Search(s => s.IndexReader.NumDocs));
            rebuilt = report.Articles;
        }
        index.Dispose();

        using var site = new ArticleIndex(path, IndexStorage.Files, NullLogger.Instance);
        var onTheSite = new LuceneArticleSearch(site, app.Clock).Search(new SearchQuery { Text = "zanzibarite", Take = 500 });
        Assert.Equal(ids, onTheSite.Hits.Select(h => h.ArticleId).ToHashSet());
        Assert.Equal(rebuilt, site.Search(s => s.IndexReader.NumDocs));
    }
}
