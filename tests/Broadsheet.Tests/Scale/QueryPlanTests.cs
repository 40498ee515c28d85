using System.Data.Common;
using System.Text.RegularExpressions;
using Broadsheet.Features.Search;
using Broadsheet.Features.ViewCounting;
using Broadsheet.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Scale;

/// <summary>
/// The pages readers hit hardest answer from indexes, so that none of them grows with the archive: every query
/// they send (recorded as EF sent it, parameters included, with the memos empty) is explained by the database
/// itself, and a full read of a table that grows with the archive fails the test, naming page and query.
/// </summary>
public sealed partial class QueryPlanTests : IDisposable
{
    /// <summary>
    /// Tables that grow with the archive or its readers. Rubrics, tags, authors and settings are left out: they
    /// are hundreds of rows, and the sections sitemap lists every one of them by design.
    /// </summary>
    private static readonly HashSet<string> Growing =
    [
        "Articles", "ArticleRubrics", "ArticleTags", "ArticleAuthors", "ViewTotals", "DailyViews", "HourlyViews",
        "Comment", "CommentFlag", "Corrections", "ArticleSlugHistory", "Revisions", "Subscriber", "DigestDelivery",
    ];

    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;
    private readonly QueryRecorder recorder;

    public QueryPlanTests()
    {
        recorder = new QueryRecorder(new HttpContextAccessor());
        app.Replace = services =>
        {
            services.AddSingleton<IHttpContextAccessor>(recorder.Requests);
            services.AddSingleton<IInterceptor>(recorder);
        };
        publication = new TestPublication(app);
    }

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task The_hot_pages_read_through_indexes()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var politics = await publication.RubricAsync("Politics");
        await publication.RubricAsync("Culture");
        var budget = await publication.TagAsync("Budget");
        var reporter = await publication.AuthorAsync("Anna Petrova");
        Features.Articles.Article? last = null;
        for (var i = 0; i < 45; i++)
            last = await publication.ArticleAsync($"Council story number {i}", now.AddHours(-7 * i), rubric: politics, tags: [budget],
                authors: [reporter], prominence: i == 30 ? 1 : 0, views: 10 * i);
        var day = DateOnly.FromDateTime(now).DayNumber;
        await app.WithDbAsync(async db =>
        {
            db.DailyViews.AddRange(Enumerable.Range(1, 5).Select(id => new DailyViews { ArticleId = id, Day = day, Views = id * 3 }));
            await db.SaveChangesAsync();
        });

        recorder.Recording = true;
        var rubricPage = await app.GetPageAsync("/rubric/politics");
        var tagPage = await app.GetPageAsync("/tag/budget");
        string[] pages =
        [
            "/",
            PageUrl.Of(app, last!),
            "/rubric/politics" + DeepLink(rubricPage),
            "/tag/budget" + DeepLink(tagPage),
            $"/{now:yyyy}/{now:MM}",
            $"/{now:yyyy}/{now:MM}/{now:dd}",
            "/sitemap.xml", $"/sitemaps/articles-{now:yyyy}-{now:MM}-1.xml", "/sitemaps/sections.xml",
        ];
        foreach (var page in pages)
        {
            using var response = await app.Reader().GetAsync(page);
            Assert.True(response.IsSuccessStatusCode, $"{page}: {(int)response.StatusCode}");
        }
        recorder.Recording = false;

        var queries = recorder.Queries.ToList();
        // Each page ran its queries (the home page's "most read" among them), so the test explains something.
        Assert.Contains(queries, q => q.Page == "/" && q.Sql.Contains("\"DailyViews\"", StringComparison.Ordinal));
        Assert.Contains(queries, q => q.Page.StartsWith("/rubric/politics?before=", StringComparison.Ordinal));
        Assert.Contains(queries, q => q.Page.StartsWith("/sitemaps/articles-", StringComparison.Ordinal));

        var fullReads = new List<string>();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Broadsheet.Infrastructure.Data.BroadsheetDb>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        if (TestDatabase.OnPostgres)
        {
            // A table of fifty rows fits one page, and PostgreSQL rightly reads it whole rather than through an
            // index; with sequential scans priced out, a Seq Scan is left only where no index could serve at all,
            // which is what a big table would suffer too.
            await using var off = connection.CreateCommand();
            off.CommandText = "SET enable_seqscan = off";
            await off.ExecuteNonQueryAsync();
        }
        foreach (var query in queries.DistinctBy(q => (q.Page, q.Sql)))
        {
            var plan = await ExplainAsync(connection, query);
            foreach (var table in FullReads(query.Sql, plan).Where(Growing.Contains))
                fullReads.Add($"{query.Page} reads all of {table}:\n{query.Sql}\n{string.Join('\n', plan)}\n");
        }
        Assert.True(fullReads.Count == 0, string.Join('\n', fullReads));

        // The sitemap index reads the articles of this month only (past months come from the counts the database
        // keeps in SitemapMonths): an index range with a lower bound on the date, not every published article.
        var index = queries.Where(q => q.Page == "/sitemap.xml" && q.Sql.Contains("FROM \"Articles\"", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(index);
        foreach (var query in index)
        {
            var plan = string.Join('\n', await ExplainAsync(connection, query));
            Assert.True(plan.Contains(TestDatabase.OnPostgres ? "\"PublishedAt\" >=" : "PublishedAt>", StringComparison.Ordinal),
                $"The sitemap index reads articles of every month:\n{query.Sql}\n{plan}");
        }

        // And the check sees a full read when there is one: nothing indexes the lead.
        var unindexed = new RecordedQuery("/", """SELECT "a"."Id" FROM "Articles" AS "a" WHERE "a"."Lead" = 'x'""", []);
        Assert.Contains("Articles", FullReads(unindexed.Sql, await ExplainAsync(connection, unindexed)));
    }

    [Fact]
    public async Task The_search_indexer_reads_every_version_from_an_index_not_the_rows()
    {
        var plan = await PlanAsync(db => new RecordedQuery("start", ArticleSource.Versions(db).ToQueryString(), []));
        Assert.Contains(TestDatabase.OnPostgres ? "Index Only Scan using \"IX_Articles_Versions\"" : "USING COVERING INDEX IX_Articles_Versions", plan);
    }

    [Fact]
    public async Task The_spelling_vocabulary_is_read_along_the_primary_key()
    {
        var plan = await PlanAsync(db =>
        {
            // The query as EF sends it: its parameters declared above the SELECT by ToQueryString, given here.
            var sql = SiteWords.Batch(db, after: 0).ToQueryString();
            var select = sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..];
            var parameters = Parameter().Matches(select).Select(m => m.Value).Distinct()
                .Select(name => (name, (object?)(name.Contains("after", StringComparison.Ordinal) ? 0 : 500))).ToList();
            return new RecordedQuery("words", select, parameters);
        });
        // Each batch starts where the last ended: no batch sorts what is left of the table. PostgreSQL plans a table
        // of three rows its own way (a bitmap scan of an index and a sort of what it found): there, an index at least.
        if (TestDatabase.OnPostgres) Assert.False(plan.Contains("Seq Scan", StringComparison.Ordinal), plan);
        else Assert.True(plan.Contains("USING INTEGER PRIMARY KEY", StringComparison.Ordinal) && !plan.Contains("TEMP B-TREE", StringComparison.Ordinal), plan);
    }

    /// <summary>The plan of one query over three articles, with PostgreSQL told its statistics and kept off full reads where it can.</summary>
    private async Task<string> PlanAsync(Func<Broadsheet.Infrastructure.Data.BroadsheetDb, RecordedQuery> query)
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < 3; i++) await publication.ArticleAsync($"Council story number {i}", now.AddHours(-i));
        return await app.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            if (TestDatabase.OnPostgres)
            {
                // Without a vacuum every heap page counts as unseen and an index-only scan is priced as a plain one.
                await using var vacuum = connection.CreateCommand();
                vacuum.CommandText = "VACUUM ANALYZE \"Articles\"";
                await vacuum.ExecuteNonQueryAsync();
                await using var off = connection.CreateCommand();
                off.CommandText = "SET enable_seqscan = off";
                await off.ExecuteNonQueryAsync();
            }
            return string.Join('\n', await ExplainAsync(connection, query(db)));
        });
    }

    [GeneratedRegex(@"@\w+")]
    private static partial Regex Parameter();

    private static string DeepLink(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("a[href*='before=']").Select(a => a.GetAttribute("href")!).First();

    private static async Task<List<string>> ExplainAsync(DbConnection connection, RecordedQuery query)
    {
        await using var explain = connection.CreateCommand();
        explain.CommandText = (TestDatabase.OnPostgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + query.Sql;
        foreach (var (name, value) in query.Parameters)
        {
            var p = explain.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            explain.Parameters.Add(p);
        }
        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        // SQLite answers id, parent, notused, detail; PostgreSQL one line of text a row.
        while (await reader.ReadAsync()) lines.Add(reader.GetString(reader.FieldCount - 1));
        return lines;
    }

    /// <summary>The tables a plan reads from end to end: SQLite's "SCAN alias" without an index, PostgreSQL's "Seq Scan on".</summary>
    private static IEnumerable<string> FullReads(string sql, List<string> plan)
    {
        if (TestDatabase.OnPostgres)
        {
            foreach (var line in plan)
                if (SeqScan().Match(line) is { Success: true } m) yield return m.Groups[1].Value;
            yield break;
        }
        var tables = Aliases().Matches(sql).ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value);
        // A GROUP BY needs every row its index walk meets, so there no LIMIT stops the walk early.
        var scan = sql.Contains("GROUP BY", StringComparison.Ordinal) ? SqliteScanAnyway() : SqliteScan();
        foreach (var line in plan)
        {
            if (scan.Match(line.Trim()) is not { Success: true } m) continue;
            var name = m.Groups[1].Value;
            yield return tables.GetValueOrDefault(name, name);
        }
    }

    [GeneratedRegex(@"(?:FROM|JOIN)\s+""(\w+)""\s+AS\s+""(\w+)""", RegexOptions.IgnoreCase)]
    private static partial Regex Aliases();

    // "SCAN a" reads the table; "SCAN a USING INDEX …" walks an index in order (bounded by the query's LIMIT) and is allowed.
    [GeneratedRegex(@"^SCAN (\w+)$")]
    private static partial Regex SqliteScan();

    [GeneratedRegex(@"^SCAN (\w+)(?: USING (?:COVERING )?INDEX \w+)?$")]
    private static partial Regex SqliteScanAnyway();

    [GeneratedRegex(@"Seq Scan on ""?(\w+)""?")]
    private static partial Regex SeqScan();
}
