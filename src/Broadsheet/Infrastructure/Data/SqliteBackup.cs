using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Infrastructure.Data;

/// <summary>
/// `dotnet Broadsheet.dll backup FILE`: an online copy of the SQLite database through SQLite's own
/// backup API, consistent even while the site keeps writing (a file copy of a WAL database is not).
/// </summary>
public static class SqliteBackup
{
    public static async Task<bool> RunBackupCommandAsync(this WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != "backup") return false;
        Environment.ExitCode = 2;
        if (args.Length != 2)
        {
            await Console.Error.WriteLineAsync("usage: backup FILE   (an online copy of the SQLite database)");
            return true;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        if (!db.Database.IsSqlite())
        {
            await Console.Error.WriteLineAsync("This site runs on PostgreSQL: back it up with pg_dump (see docs/OPERATIONS.md).");
            return true;
        }
        var target = Path.GetFullPath(args[1]);
        if (File.Exists(target))
        {
            await Console.Error.WriteLineAsync($"{target} exists already; choose a new file.");
            return true;
        }
        CopyTo(db, target);
        await Console.Out.WriteLineAsync($"Copied the database to {target} ({new FileInfo(target).Length:N0} bytes).");
        Environment.ExitCode = 0;
        return true;
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
