using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Infrastructure.Data;

/// <summary>
/// `dotnet Broadsheet.dll backup FILE`: an online copy of the SQLite database through SQLite's own
/// backup API, consistent even while the site keeps writing (a file copy of a WAL database is not).
/// </summary>
public static class SqliteBackup
{
    /// <summary>
    /// Copies the database the settings name, as it is: nothing is migrated or created, and a data
    /// folder without a database is an error rather than a new, empty publication to copy.
    /// </summary>
    public static async Task<int> RunCommandAsync(WebApplication app, IReadOnlyList<string> args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<BroadsheetOptions>();
        if (options.OnPostgres)
        {
            await Console.Error.WriteLineAsync("This site runs on PostgreSQL: back it up with pg_dump (see docs/OPERATIONS.md).");
            return 1;
        }
        var source = Path.Combine(options.DataPath, "broadsheet.db");
        if (!File.Exists(source))
        {
            await Console.Error.WriteLineAsync($"There is no database at {source}; check Broadsheet:DataDirectory.");
            return 1;
        }
        var target = Path.GetFullPath(args[0]);
        if (File.Exists(target))
        {
            await Console.Error.WriteLineAsync($"{target} exists already; choose a new file.");
            return 1;
        }
        CopyTo(scope.ServiceProvider.GetRequiredService<BroadsheetDb>(), target);
        await Console.Out.WriteLineAsync($"Copied the database to {target} ({new FileInfo(target).Length:N0} bytes).");
        return 0;
    }

    public static void CopyTo(BroadsheetDb db, string target)
    {
        using var source = new SqliteConnection(db.Database.GetConnectionString());
        source.Open();
        using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
        destination.Open();
        source.BackupDatabase(destination);
    }
}
