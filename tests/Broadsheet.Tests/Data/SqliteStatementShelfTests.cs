using Broadsheet.Infrastructure.Data;
using Broadsheet.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using SQLitePCL;

namespace Broadsheet.Tests.Data;

/// <summary>
/// SQLite keeps the statements of the site's reads prepared from one query to the next (Infrastructure/Data/SqliteStatementShelf):
/// what is checked is what SQLite itself reports of the connection — the statements it holds and how often each ran.
/// </summary>
public sealed class SqliteStatementShelfTests : IDisposable
{
    /// <summary>SQLITE_STMTSTATUS_RUN, which SQLitePCL.raw does not name: the times a statement has run to its end or its reset.</summary>
    private const int StatementRuns = 6;

    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public SqliteStatementShelfTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    [SqliteFact]
    public async Task A_query_asked_again_after_its_context_went_back_to_the_pool_runs_on_the_statement_SQLite_prepared_the_first_time()
    {
        var article = await publication.ArticleAsync("Harbour reopens after the storm");
        // The app's own context settings, in a pool of one, so the second lease is the first context back from the pool.
        var pool = new PooledDbContextFactory<SqliteBroadsheetDb>(app.Services.GetRequiredService<DbContextOptions<SqliteBroadsheetDb>>(), poolSize: 1);

        string first, second;
        await using (var db = await pool.CreateDbContextAsync())
        {
            await Watch(db);
            first = await TitleAsync(db, article.Slug);
        }
        await using (var db = await pool.CreateDbContextAsync())
        {
            second = await TitleAsync(db, article.Slug);
            Assert.Equal([2], Held(db).Where(s => s.Sql.Contains("\"Slug\"", StringComparison.Ordinal)).Select(s => s.Runs));
            // This pool is the test's own and is not disposed with the app: its kept connection is closed here.
            await db.Database.GetDbConnection().CloseAsync();
        }
        Assert.Equal("Harbour reopens after the storm", first);
        Assert.Equal(first, second);
    }

    [SqliteFact]
    public async Task A_kept_statement_reads_what_another_connection_committed_after_it_first_ran()
    {
        var article = await publication.ArticleAsync("Council votes on the budget");

        var titles = await app.WithDbAsync(async db =>
        {
            var before = await db.Articles.AsNoTracking().Where(a => a.Id == article.Id).Select(a => a.Title).SingleAsync();
            // Another context, so another connection: the edit a journalist saves while the page is being read.
            await app.WithDbAsync(other => other.Articles.Where(a => a.Id == article.Id)
                .ExecuteUpdateAsync(a => a.SetProperty(x => x.Title, "Council passes the budget")));
            var after = await db.Articles.AsNoTracking().Where(a => a.Id == article.Id).Select(a => a.Title).SingleAsync();
            return (before, after);
        });

        Assert.Equal(("Council votes on the budget", "Council passes the budget"), titles);
    }

    [SqliteFact]
    public async Task A_connection_keeps_at_most_its_shelf_of_statements_the_most_recent_ones()
    {
        var asked = SqliteStatementShelf.PerConnection + 20;

        await using var db = new SqliteBroadsheetDb(app.Services.GetRequiredService<DbContextOptions<SqliteBroadsheetDb>>());
        await Watch(db);
        var answers = new List<int>();
        for (var i = 0; i < asked; i++)
            answers.Add(await db.Database.SqlQueryRaw<int>(Numbered(i)).SingleAsync());
        var held = Held(db).Select(s => s.Sql).ToList();

        Assert.Equal(Enumerable.Range(0, asked), answers);
        var numbered = held.Where(s => s.Contains(" AS \"Value\"", StringComparison.Ordinal)).ToList();
        Assert.InRange(held.Count, 1, SqliteStatementShelf.PerConnection);
        Assert.Contains(numbered, s => s.Contains($"SELECT {asked - 1} AS", StringComparison.Ordinal));
        Assert.DoesNotContain(numbered, s => s.Contains("SELECT 0 AS", StringComparison.Ordinal));
    }

    private static Task<string> TitleAsync(BroadsheetDb db, string slug) =>
        db.Articles.AsNoTracking().Where(a => a.Slug == slug).Select(a => a.Title).SingleAsync();

    /// <summary>A statement of its own for each number: the number is written into the text.</summary>
    private static string Numbered(int number) => "SELECT " + number.ToString(System.Globalization.CultureInfo.InvariantCulture) + " AS \"Value\"";

    /// <summary>
    /// Opens a new context's connection and has SQLitePCL keep track of the statements prepared on it from now on, which
    /// it does only when asked (<see cref="Held"/> lists them; one prepared before would not be found).
    /// </summary>
    private static async Task Watch(BroadsheetDb db)
    {
        await db.Database.OpenConnectionAsync();
        ((SqliteConnection)db.Database.GetDbConnection()).Handle!.enable_sqlite3_next_stmt(true);
    }

    /// <summary>The statements SQLite holds prepared on the context's connection, with the times each has run.</summary>
    private static List<(string Sql, int Runs)> Held(BroadsheetDb db)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var held = new List<(string, int)>();
        if (connection.Handle is not { } handle) return held;
        for (var statement = raw.sqlite3_next_stmt(handle, null); statement is not null && !statement.IsInvalid; statement = raw.sqlite3_next_stmt(handle, statement))
            held.Add((raw.sqlite3_sql(statement).utf8_to_string(), raw.sqlite3_stmt_status(statement, StatementRuns, 0)));
        return held;
    }
}
