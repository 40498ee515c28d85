using Broadsheet.Infrastructure.Data;

namespace Broadsheet.Infrastructure.Search;

/// <summary>
/// The search index's command-line verbs, run instead of the web host:
/// <c>reindex</c> rebuilds the Lucene index from the database (stop the site first: the index has one writer;
/// on PostgreSQL there is nothing to rebuild);
/// <c>search-bench [articles]</c> measures indexing and query speed on generated articles: in a temporary Lucene
/// index, or on PostgreSQL in the (empty) database the app is configured with.
/// </summary>
public static class SearchCommands
{
    /// <summary>True when <paramref name="args"/> named a search command and it has run.</summary>
    public static async Task<bool> RunSearchCommandAsync(this WebApplication app, string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "reindex" when app.Services.GetRequiredService<BroadsheetOptions>().OnPostgres:
                Console.WriteLine("Search runs on PostgreSQL full-text search: the database keeps each article's search column "
                    + "up to date as it is saved, so there is no index to rebuild.");
                await app.DisposeAsync();
                return true;
            case "reindex":
                try { await ReindexAsync(app); }
                catch (Lucene.Net.Store.LockObtainFailedException)
                {
                    Console.Error.WriteLine("The search index is open in another process (is the site running?). Stop it and run reindex again.");
                    Environment.ExitCode = 1;
                }
                await app.DisposeAsync();
                return true;
            case "search-bench":
                var count = args.Length > 1 && int.TryParse(args[1], out var n) ? n : 100_000;
                if (app.Services.GetRequiredService<BroadsheetOptions>().OnPostgres) await SearchBench.RunPostgresAsync(app.Services, count, Console.Out);
                else SearchBench.Run(count, Console.Out);
                await app.DisposeAsync();
                return true;
            default:
                return false;
        }
    }

    private static async Task ReindexAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var index = scope.ServiceProvider.GetRequiredService<ArticleIndex>();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        Console.WriteLine($"Rebuilding the search index at {index.Folder}");
        var started = DateTime.UtcNow;
        var report = await SearchIndexer.RebuildAsync(index, db, (done, total) =>
        {
            if (done % 5_000 != 0 && done != total) return;
            var seconds = Math.Max((DateTime.UtcNow - started).TotalSeconds, 0.001);
            Console.WriteLine($"  {done:N0} / {total:N0} articles, {done / seconds:N0} articles/s");
        }, CancellationToken.None);
        Console.WriteLine($"Done: {report.Articles:N0} articles in {report.Elapsed.TotalSeconds:N1} s, {report.PerSecond:N0} articles/s");
    }
}
