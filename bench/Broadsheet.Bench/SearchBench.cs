using System.Diagnostics;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Demo;
using Broadsheet.Features.Search;
using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace Broadsheet.Bench;

/// <summary>
/// Measures a search engine on its own: a full build of <c>count</c> generated articles
/// (half English, half Russian, from the demo publication's text pools, written straight into
/// the Lucene index, or copied straight into PostgreSQL, rather than through EF Core), then a
/// mixed set of 1- to 4-word queries in both languages through <see cref="LuceneArticleSearch"/>
/// or <see cref="PostgresArticleSearch"/>, snippets included.
/// </summary>
public static class SearchBench
{
    private const int Warmup = 300;
    private const int Queries = 3000;

    public static void Run(int count, TextWriter output)
    {
        var folder = Path.Combine(Path.GetTempPath(), "broadsheet-search-bench-" + Guid.NewGuid().ToString("N"));
        var now = GeneratedNow;
        try
        {
            using var index = new ArticleIndex(folder, IndexStorage.Files, NullLogger.Instance);
            index.Open();
            var rnd = new Random(20240515);
            output.WriteLine($"Building an index of {count:N0} generated articles in {folder}");
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                index.Put(Generate(rnd, i, count, now));
                if ((i + 1) % 20_000 == 0) output.WriteLine($"  {i + 1:N0} articles, {(i + 1) / clock.Elapsed.TotalSeconds:N0} articles/s");
            }
            index.MarkRebuilt();
            clock.Stop();
            output.WriteLine($"Full build: {count:N0} articles in {clock.Elapsed.TotalSeconds:N1} s = {count / clock.Elapsed.TotalSeconds:N0} articles/s (index {FolderSize(folder) / 1024.0 / 1024:N0} MB)");

            var search = new LuceneArticleSearch(index, new FixedClock(now));
            Measure(q => search.Search(q).Total, threadCpu: ThreadCpu.IsAvailable, output);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// The queries alone, against an index the site built (<c>Broadsheet.dll reindex</c> over a data folder that
    /// bench/archive.py grew to a million articles): search as readers of that archive would meet it.
    /// </summary>
    public static void RunExisting(string folder, TextWriter output)
    {
        using var index = new ArticleIndex(folder, IndexStorage.Files, NullLogger.Instance);
        index.Open();
        output.WriteLine($"Searching the index in {folder} ({index.Search(s => s.IndexReader.NumDocs):N0} documents, {FolderSize(folder) / 1024.0 / 1024:N0} MB)");
        var search = new LuceneArticleSearch(index, TimeProvider.System);
        Measure(q => search.Search(q).Total, threadCpu: ThreadCpu.IsAvailable, output);
        MeasureForgetful(index, output);
    }

    /// <summary>
    /// The first time a search's words are asked: each query with nothing remembered of earlier ones (a fresh term
    /// memo and no common word's bit set kept), what a word new to the running site costs.
    /// </summary>
    private static void MeasureForgetful(ArticleIndex index, TextWriter output)
    {
        const int count = 300;
        var queries = QueryMix(new Random(7), Warmup + count).Skip(Warmup).ToList();
        var latencies = new double[count];
        for (var i = 0; i < count; i++)
        {
            var search = new LuceneArticleSearch(index, TimeProvider.System, null, new CommonWords(), new TermLookups());
            var started = Stopwatch.GetTimestamp();
            search.Search(new SearchQuery { Text = queries[i] });
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        Array.Sort(latencies);
        output.WriteLine($"With nothing remembered between queries ({count:N0} of them): p50 {Percentile(latencies, 0.50):N2} ms, p90 {Percentile(latencies, 0.90):N2} ms, p99 {Percentile(latencies, 0.99):N2} ms, max {latencies[^1]:N2} ms");
    }

    /// <summary>
    /// The same measurement for <see cref="PostgresArticleSearch"/>: <paramref name="count"/> generated articles
    /// are copied into the empty database at <paramref name="connectionString"/> (migrated first) — the database
    /// computes each one's search column and indexes it as they arrive — and then asked the same queries.
    /// </summary>
    public static Task<int> RunPostgresAsync(string connectionString, int count, TextWriter output) =>
        OnPostgresAsync(connectionString, services => RunPostgresAsync(services, count, output));

    /// <summary>The database at <paramref name="connectionString"/>, migrated, as the app's services see it, for <paramref name="run"/>.</summary>
    private static async Task<int> OnPostgresAsync(string connectionString, Func<IServiceProvider, Task<int>> run)
    {
        var services = new ServiceCollection()
            .AddDbContext<PostgresBroadsheetDb>(o => o.UseNpgsql(connectionString))
            .AddScoped<BroadsheetDb>(sp => sp.GetRequiredService<PostgresBroadsheetDb>())
            .BuildServiceProvider();
        await using (services)
        {
            await using (var scope = services.CreateAsyncScope())
                await DatabaseStartup.EnsureSchemaAsync(scope.ServiceProvider.GetRequiredService<BroadsheetDb>(), migrate: true, NullLogger.Instance);
            return await run(services);
        }
    }

    private static async Task<int> RunPostgresAsync(IServiceProvider services, int count, TextWriter output)
    {
        var now = GeneratedNow;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
            if (await db.Articles.AnyAsync())
            {
                output.WriteLine("The search benchmark on PostgreSQL needs an empty database (bench/search.sh makes one and drops it after).");
                return 1;
            }
            var rubrics = new Dictionary<string, int>();
            foreach (var (name, _) in DemoTextEnglish.Text.Rubrics.Concat(DemoTextRussian.Text.Rubrics))
            {
                var rubric = new Rubric { Slug = Slug.From(name), Name = name, Description = "" };
                if (rubrics.ContainsKey(rubric.Slug)) continue;
                db.Rubrics.Add(rubric);
                await db.SaveChangesAsync();
                rubrics[rubric.Slug] = rubric.Id;
            }

            await db.Database.OpenConnectionAsync();
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            output.WriteLine($"Copying {count:N0} generated articles into {connection.Database}");
            var rnd = new Random(20240515);
            var clock = Stopwatch.StartNew();
            var placed = new List<(int Article, int Rubric)>(count);
            await using (var copy = await connection.BeginBinaryImportAsync("""
                COPY "Articles" ("Id", "Slug", "Title", "Lead", "Body", "BodyHtml", "Kind", "Status", "Language",
                    "PublishedAt", "CreatedAt", "Prominence", "CommentsEnabled", "ViewCount", "Version") FROM STDIN (FORMAT BINARY)
                """))
            {
                for (var i = 0; i < count; i++)
                {
                    var a = Generate(rnd, i, count, now);
                    await copy.StartRowAsync();
                    await copy.WriteAsync(a.Id, NpgsqlDbType.Integer);
                    await copy.WriteAsync(a.Slug, NpgsqlDbType.Text);
                    await copy.WriteAsync(a.Title, NpgsqlDbType.Text);
                    await copy.WriteAsync(a.Lead, NpgsqlDbType.Text);
                    await copy.WriteAsync(a.BodyText, NpgsqlDbType.Text);
                    await copy.WriteAsync($"<p>{System.Net.WebUtility.HtmlEncode(a.BodyText)}</p>\n", NpgsqlDbType.Text);
                    await copy.WriteAsync(nameof(ArticleKind.News), NpgsqlDbType.Text);
                    await copy.WriteAsync(a.Status.ToString(), NpgsqlDbType.Text);
                    await copy.WriteAsync(a.Language, NpgsqlDbType.Text);
                    await copy.WriteAsync(a.PublishedAt!.Value, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(a.CreatedAt, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(0, NpgsqlDbType.Integer);
                    await copy.WriteAsync(true, NpgsqlDbType.Boolean);
                    await copy.WriteAsync(0L, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                    placed.Add((a.Id, rubrics[a.Rubrics[0].Slug]));
                    if ((i + 1) % 20_000 == 0) output.WriteLine($"  {i + 1:N0} articles, {(i + 1) / clock.Elapsed.TotalSeconds:N0} articles/s");
                }
                await copy.CompleteAsync();
            }
            await using (var copy = await connection.BeginBinaryImportAsync("""COPY "ArticleRubrics" ("ArticleId", "RubricId") FROM STDIN (FORMAT BINARY)"""))
            {
                foreach (var (article, rubric) in placed)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(article, NpgsqlDbType.Integer);
                    await copy.WriteAsync(rubric, NpgsqlDbType.Integer);
                }
                await copy.CompleteAsync();
            }
            clock.Stop();
            foreach (var table in new[] { "Articles", "ArticleRubrics" })
            {
                await using var vacuum = new NpgsqlCommand($"""VACUUM ANALYZE "{table}" """, connection);
                await vacuum.ExecuteNonQueryAsync();
            }
            await using var size = new NpgsqlCommand("""SELECT pg_total_relation_size('"Articles"'), pg_relation_size('"IX_Articles_Search"')""", connection);
            await using var reader = await size.ExecuteReaderAsync();
            await reader.ReadAsync();
            output.WriteLine($"Load: {count:N0} articles in {clock.Elapsed.TotalSeconds:N1} s = {count / clock.Elapsed.TotalSeconds:N0} articles/s, "
                + $"search column computed and indexed on the way (table {reader.GetInt64(0) / 1024.0 / 1024:N0} MB, GIN index {reader.GetInt64(1) / 1024.0 / 1024:N0} MB)");
        }

        MeasurePostgres(services, output);
        return 0;
    }

    /// <summary>The queries alone, against a database an earlier run filled and kept (bench/search.sh's KEEP=1): a change to the search measured without loading a million articles again.</summary>
    public static Task<int> RunPostgresAgainAsync(string connectionString, TextWriter output) =>
        OnPostgresAsync(connectionString, async services =>
        {
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
                output.WriteLine($"Searching {await db.Articles.CountAsync():N0} articles in {db.Database.GetDbConnection().Database}");
            }
            MeasurePostgres(services, output);
            return 0;
        });

    private static void MeasurePostgres(IServiceProvider services, TextWriter output)
    {
        var search = new PostgresArticleSearch(services.GetRequiredService<IServiceScopeFactory>(), new FixedClock(GeneratedNow));
        // The work happens in the PostgreSQL server, another process: the querying thread's CPU time says nothing here.
        Measure(q => search.SearchAsync(q).GetAwaiter().GetResult().Total, threadCpu: false, output);
    }

    // The generated archive's "now": its newest article, five years of news behind it.
    private static readonly DateTime GeneratedNow = new(2024, 5, 15, 9, 0, 0, DateTimeKind.Utc);

    private static void Measure(Func<SearchQuery, int> search, bool threadCpu, TextWriter output)
    {
        var queries = QueryMix(new Random(7), Warmup + Queries);
        foreach (var q in queries.Take(Warmup)) search(new SearchQuery { Text = q });

        var latencies = new double[Queries];
        var cpuTimes = new double[Queries];
        var each = new (double Ms, string Text, int Found)[Queries];
        var found = 0L;
        // CPU time as well as wall time: on a shared machine, wall time includes waiting for a core.
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var total = Stopwatch.StartNew();
        for (var i = 0; i < Queries; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var cpuStarted = ThreadCpu.Milliseconds();
            var matches = search(new SearchQuery { Text = queries[Warmup + i] });
            found += matches;
            cpuTimes[i] = ThreadCpu.Milliseconds() - cpuStarted;
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            each[i] = (latencies[i], queries[Warmup + i], matches);
        }
        total.Stop();
        var cpu = Environment.CpuUsage.TotalTime - cpuBefore;
        Array.Sort(latencies);
        Array.Sort(cpuTimes);
        output.WriteLine($"Queries: {Queries:N0} (1-4 words, en+ru, first page of 20 with snippets), mean {found / Queries:N0} matches each");
        output.WriteLine($"  p50 {Percentile(latencies, 0.50):N2} ms, p90 {Percentile(latencies, 0.90):N2} ms, p99 {Percentile(latencies, 0.99):N2} ms, max {latencies[^1]:N2} ms");
        output.WriteLine($"  {Queries / total.Elapsed.TotalSeconds:N0} queries/s on one thread; CPU {cpu.TotalMilliseconds / Queries:N2} ms per query (mean, whole process)");
        if (threadCpu)
            output.WriteLine($"  CPU time of the querying thread: p50 {Percentile(cpuTimes, 0.50):N2} ms, p90 {Percentile(cpuTimes, 0.90):N2} ms, p99 {Percentile(cpuTimes, 0.99):N2} ms (what the wall-clock figures would be on an idle core)");
        output.WriteLine($"  machine load while measuring: {LoadAverage()}");
        // The tail by name: which queries the p99 is made of, to see what they have in common.
        output.WriteLine("  slowest: " + string.Join("; ", each.OrderByDescending(e => e.Ms).Take(12).Select(e => $"\"{e.Text}\" {e.Ms:N1} ms ({e.Found:N0})")));

        // The same queries without a page of results: what matching, scoring and the freshness re-rank cost alone.
        var bare = new double[Queries];
        for (var i = 0; i < Queries; i++)
        {
            var started = Stopwatch.GetTimestamp();
            search(new SearchQuery { Text = queries[Warmup + i], Take = 0 });
            bare[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        Array.Sort(bare);
        output.WriteLine($"  without results and snippets: p50 {Percentile(bare, 0.50):N2} ms, p99 {Percentile(bare, 0.99):N2} ms");
    }

    private static IndexedArticle Generate(Random rnd, int i, int count, DateTime now)
    {
        var russian = i % 2 == 1;
        var text = russian ? DemoTextRussian.Text : DemoTextEnglish.Text;
        var rubric = rnd.Next(text.Rubrics.Length);
        var headlines = text.Headlines[rubric];
        var title = string.Format(System.Globalization.CultureInfo.InvariantCulture,
            headlines[rnd.Next(headlines.Length)], text.Cities[rnd.Next(text.Cities.Length)]);
        var body = string.Join(" ", Enumerable.Range(0, 10 + rnd.Next(15)).Select(_ => text.Sentences[rnd.Next(text.Sentences.Length)]));
        // Five years of news, newest first.
        var publishedAt = now.AddMinutes(-(long)i * 5 * 365 * 24 * 60 / count);
        var (rubricName, _) = text.Rubrics[rubric];
        return new IndexedArticle(
            i + 1, $"article-{i + 1}", title, text.Leads[rnd.Next(text.Leads.Length)], body, russian ? "ru" : "en",
            rnd.Next(20) == 0 ? ArticleStatus.Draft : ArticleStatus.Published, publishedAt, publishedAt,
            [(Slug.From(rubricName), rubricName)], [Slug.From(text.Authors[rnd.Next(text.Authors.Length)].Name)], Guid.NewGuid());
    }

    /// <summary>Words from the same pools, so queries hit as readers' do: some common, some rare, some missing together.</summary>
    private static List<string> QueryMix(Random rnd, int count)
    {
        string[] Words(DemoText t) =>
        [
            .. t.Headlines.SelectMany(h => h).Concat(t.Sentences).Concat(t.Leads)
                .SelectMany(s => s.Split([' ', ',', '.', ':', ';', '«', '»', '"', '(', ')', '{', '}'], StringSplitOptions.RemoveEmptyEntries))
                .Where(w => w.Length >= 4 && w.All(char.IsLetter)).Select(w => w.ToLowerInvariant()).Distinct(),
        ];
        var english = Words(DemoTextEnglish.Text);
        var russian = Words(DemoTextRussian.Text);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var pool = i % 2 == 0 ? english : russian;
            return string.Join(' ', Enumerable.Range(0, 1 + rnd.Next(4)).Select(_ => pool[rnd.Next(pool.Length)]));
        })];
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() + $" on {Environment.ProcessorCount} cores" : "unknown";

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static long FolderSize(string folder) => new DirectoryInfo(folder).EnumerateFiles().Sum(f => f.Length);

    private sealed class FixedClock(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utc);
    }
}
