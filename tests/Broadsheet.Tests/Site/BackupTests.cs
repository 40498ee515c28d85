using Broadsheet.Infrastructure.Data;
using Broadsheet.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Broadsheet.Tests.Site;

public sealed class BackupTests : IDisposable
{
    private readonly BroadsheetApp app = new();

    public void Dispose() => app.Dispose();

    [SqliteFact]
    public async Task An_online_backup_holds_every_article_while_the_site_runs()
    {
        var publication = new TestPublication(app);
        await publication.ArticleAsync("Kept in the backup");
        var target = Path.Combine(app.DataDirectory, "backup.db");

        await app.WithDbAsync(db => { SqliteBackup.CopyTo(db, target); return Task.CompletedTask; });

        using var copy = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
        copy.Open();
        using var query = copy.CreateCommand();
        query.CommandText = """SELECT "Title" FROM "Articles" """;
        Assert.Equal("Kept in the backup", query.ExecuteScalar());
    }
}
