using Broadsheet.Infrastructure.Data;
using Broadsheet.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Broadsheet.Tests.Data;

/// <summary>
/// On SQLite an article's body is stored after every short column, so a teaser, a sitemap row or a feed entry does not
/// walk the body's overflow pages to reach the cover or the update time. The migration that moved it copies a live
/// archive: everything that hung on the old table (redirects, the sitemap's month counts, numbers never given twice)
/// must hold after it.
/// </summary>
public sealed class ArticleColumnOrderTests : IDisposable
{
    private readonly TestDatabase storage = TestDatabase.Create();

    public void Dispose() => storage.Release();

    [SqliteFact]
    public async Task An_archive_migrated_with_the_body_last_keeps_its_articles_redirects_month_counts_and_numbers()
    {
        Directory.CreateDirectory(storage.DataDirectory);
        var file = Path.Combine(storage.DataDirectory, "broadsheet.db");
        await using (var db = Open(file))
        {
            await db.GetService<IMigrator>().MigrateAsync("20261202145107_Million");
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "Articles" ("Slug", "Title", "Lead", "Body", "BodyHtml", "Kind", "Status", "Language", "CoverImage",
                    "PublishedAt", "CreatedAt", "Prominence", "CommentsEnabled", "ViewCount", "Version")
                VALUES ('council-budget', 'Council passes the budget', 'After a long night.', 'The council voted.', '<p>The council voted.</p>',
                        'News', 'Published', 'en', '/media/council.jpg', '2024-05-14 18:00:00', '2024-05-14 17:00:00', 0, 1, 42, 'v1'),
                       ('withdrawn', 'Withdrawn', '', '', '', 'News', 'Draft', 'en', NULL, NULL, '2024-05-14 17:00:00', 0, 1, 0, 'v1');
                INSERT INTO "ArticleSlugHistory" ("ArticleId", "Slug") SELECT "Id", 'budget-vote' FROM "Articles" WHERE "Slug" = 'council-budget';
                DELETE FROM "Articles" WHERE "Slug" = 'withdrawn';
                """);
            await db.Database.MigrateAsync();
        }

        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        var columns = await ListAsync(connection, """SELECT "name" FROM pragma_table_info('Articles') ORDER BY "cid" """);
        Assert.Equal(["Body", "BodyHtml"], columns.TakeLast(2));
        Assert.Contains("CoverImage", columns);

        Assert.Equal(["council-budget|Council passes the budget|The council voted.|/media/council.jpg|42"],
            await ListAsync(connection, """SELECT "Slug" || '|' || "Title" || '|' || "Body" || '|' || "CoverImage" || '|' || "ViewCount" FROM "Articles" """));
        Assert.Equal(["budget-vote"], await ListAsync(connection, """SELECT "Slug" FROM "ArticleSlugHistory" """));
        Assert.Equal(["1"], await ListAsync(connection, "PRAGMA foreign_keys"));
        Assert.Empty(await ListAsync(connection, "PRAGMA foreign_key_check"));
        Assert.Equal(["IX_Articles_Marked", "IX_Articles_Slug", "IX_Articles_Status_PublishedAt_Id", "IX_Articles_Versions"],
            await ListAsync(connection, """SELECT "name" FROM sqlite_master WHERE "type" = 'index' AND "tbl_name" = 'Articles' AND "sql" IS NOT NULL ORDER BY "name" """));

        // The month counts follow a new publication, and the number of the deleted draft is not given again.
        await Execute(connection, """
            INSERT INTO "Articles" ("Slug", "Title", "Lead", "Body", "BodyHtml", "Kind", "Status", "Language", "PublishedAt",
                "CreatedAt", "Prominence", "CommentsEnabled", "ViewCount", "Version")
            VALUES ('school-repairs', 'Schools to be repaired', '', '', '', 'News', 'Published', 'en', '2024-05-15 08:00:00',
                    '2024-05-15 08:00:00', 0, 1, 0, 'v1')
            """);
        Assert.Equal(["2024-5-2"], await ListAsync(connection, """SELECT "Year" || '-' || "Month" || '-' || "Articles" FROM "SitemapMonths" """));
        Assert.Equal(["1", "3"], await ListAsync(connection, """SELECT "Id" FROM "Articles" ORDER BY "Id" """));

        // Deleting an article still takes its redirects with it: the foreign keys point at the new table.
        await Execute(connection, """DELETE FROM "Articles" WHERE "Slug" = 'council-budget'""");
        Assert.Empty(await ListAsync(connection, """SELECT "Slug" FROM "ArticleSlugHistory" """));
    }

    private static SqliteBroadsheetDb Open(string file) =>
        new(new DbContextOptionsBuilder<SqliteBroadsheetDb>().UseSqlite($"Data Source={file};Pooling=False").Options);

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> ListAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(reader.GetValue(0).ToString()!);
        return values;
    }
}
