using System.Diagnostics;
using Broadsheet.Features.Search;
using Broadsheet.Infrastructure;
using Broadsheet.Infrastructure.Caching;
using Broadsheet.Infrastructure.Commands;
using Broadsheet.Infrastructure.Data;

namespace Broadsheet.Features.Import;

/// <summary>
/// <c>import-wordpress EXPORT.xml [--uploads DIR | --uploads-zip FILE] [--dry-run]</c>: the import from the
/// command line, with a progress line and the report at the end. The search index is rebuilt and the page
/// cache emptied once, after the last entry, not once an article.
/// </summary>
public static class ImportCommand
{
    public static SiteCommand Command => new("import-wordpress", "EXPORT.xml", "bring a WordPress export (WXR) in: posts, pages, people, sections, comments, pictures, old links", RunAsync)
    {
        Options = ["--uploads DIR", "--uploads-zip FILE", "--dry-run"],
    };

    public static async Task<int> RunAsync(WebApplication app, IReadOnlyList<string> args)
    {
        var file = args[0];
        var dryRun = args.Contains("--dry-run");
        string? Value(string option) => args.Select((a, i) => (a, i)).Where(p => p.a == option && p.i + 1 < args.Count).Select(p => args[p.i + 1]).FirstOrDefault();
        var folder = Value("--uploads");
        var zip = Value("--uploads-zip");
        if (!File.Exists(file)) { Console.Error.WriteLine($"No export at {file}."); return 2; }
        if (folder is not null && !Directory.Exists(folder)) { Console.Error.WriteLine($"The uploads folder {folder} does not exist."); return 2; }
        if (zip is not null && !File.Exists(zip)) { Console.Error.WriteLine($"The uploads zip {zip} does not exist."); return 2; }
        if (folder is not null && zip is not null) { Console.Error.WriteLine("Give the uploads as a folder or as a zip, not both."); return 2; }

        var options = app.Services.GetRequiredService<BroadsheetOptions>();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        await DatabaseStartup.EnsureSchemaAsync(db, options.MigrateOnStart, app.Logger);
        Uploads? uploads;
        try { uploads = zip is not null ? Uploads.Zip(zip) : folder is not null ? Uploads.Folder(folder) : null; }
        catch (InvalidDataException) { Console.Error.WriteLine($"{zip} is not a zip file."); return 2; }

        using (uploads)
        {
            var clock = Stopwatch.StartNew();
            var shown = TimeSpan.Zero;
            var import = scope.ServiceProvider.GetRequiredService<WordPressImport>();
            ImportReport report;
            try
            {
                report = await import.RunAsync(() => File.OpenRead(file), uploads, dryRun, (r, share) =>
                {
                    if (clock.Elapsed - shown < TimeSpan.FromSeconds(1)) return;
                    shown = clock.Elapsed;
                    Console.Error.Write($"\r  {share,4:P0}  {r.Done:N0} entries ({r.Imported.Values.Sum():N0} new, {r.Unchanged.Values.Sum():N0} unchanged, "
                        + $"{r.Failures.Count:N0} failed)  {r.Done / Math.Max(clock.Elapsed.TotalSeconds, 0.001):N0}/s   ");
                }, CancellationToken.None);
            }
            catch (WxrException e)
            {
                Console.Error.WriteLine();
                Console.Error.WriteLine($"{file}: {e.Message}");
                return 1;
            }
            Console.Error.WriteLine($"\r  {report.Done:N0} entries in {clock.Elapsed.TotalSeconds:N1} s ({report.Done / Math.Max(clock.Elapsed.TotalSeconds, 0.001):N0}/s)            ");
            report.WriteTo(Console.Out);
            if (!dryRun && !report.ChangedNothing) await AnnounceAsync(scope.ServiceProvider, options);
            return report.Failures.Count == 0 ? 0 : 3;
        }
    }

    /// <summary>Once for the whole import: every cached page goes, and the search index is built again from the database.</summary>
    private static async Task AnnounceAsync(IServiceProvider services, BroadsheetOptions options)
    {
        await services.GetRequiredService<CacheEviction>().EvictAsync(CancellationToken.None, PageCache.SiteTag);
        if (options.OnPostgres) return;
        try
        {
            CommandHeap.Cap(128L << 20);
            await SearchIndexer.RebuildAsync(services.GetRequiredService<ArticleIndex>(), services.GetRequiredService<BroadsheetDb>(), null, CancellationToken.None, writers: Environment.ProcessorCount);
            Console.WriteLine("Search index rebuilt.");
        }
        catch (Lucene.Net.Store.LockObtainFailedException)
        {
            Console.Error.WriteLine("The search index is open in the running site; stop it and run `reindex` so the imported articles can be found.");
        }
    }
}
