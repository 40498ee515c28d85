using Broadsheet.Infrastructure.Data;
using Broadsheet.Infrastructure;

namespace Broadsheet.Features.Search;

/// <summary>
/// The search index's command-line verbs, run instead of the web host:
/// <c>reindex</c> rebuilds the Lucene index from the database (stop the site first: the index has one writer;
/// on PostgreSQL there is nothing to rebuild). The search benchmark is in bench/Broadsheet.Bench.
/// </summary>
public static class SearchCommands
{
    public static async Task<int> ReindexCommandAsync(WebApplication app, IReadOnlyList<string> args)
    {
        var options = app.Services.GetRequiredService<BroadsheetOptions>();
        if (options.OnPostgres)
        {
            Console.WriteLine("Search runs on PostgreSQL full-text search: the database keeps each article's search column "
                + "up to date as it is saved, so there is no index to rebuild.");
            return 0;
        }
        await EnsureSchemaAsync(app, options);
        try { await ReindexAsync(app); }
        catch (Lucene.Net.Store.LockObtainFailedException)
        {
            Console.Error.WriteLine("The search index is open in another process (is the site running?). Stop it and run reindex again.");
            return 1;
        }
        return 0;
    }

    private static async Task EnsureSchemaAsync(WebApplication app, BroadsheetOptions options)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await DatabaseStartup.EnsureSchemaAsync(scope.ServiceProvider.GetRequiredService<BroadsheetDb>(), options.MigrateOnStart, app.Logger);
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
        }, CancellationToken.None, writers: Environment.ProcessorCount);
        Console.WriteLine($"Done: {report.Articles:N0} articles in {report.Elapsed.TotalSeconds:N1} s, {report.PerSecond:N0} articles/s");
    }
}
