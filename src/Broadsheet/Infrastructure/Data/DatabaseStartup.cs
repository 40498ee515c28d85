using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Infrastructure.Data;

public static class DatabaseStartup
{
    /// <summary>
    /// Before the web server opens: brings the schema up to date (Site and Demo then lay down the settings
    /// row and the demo publication on an empty database). Operators who migrate by hand (`dotnet Broadsheet.dll
    /// migrate`) set Broadsheet:MigrateOnStart=false; a node then refuses to start on a schema it does not know.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var options = scope.ServiceProvider.GetRequiredService<BroadsheetOptions>();
        var log = Log(scope.ServiceProvider);

        await EnsureSchemaAsync(db, options.MigrateOnStart, log);
    }

    /// <summary>`migrate`: applies the migrations and nothing else (no settings row, no demo).</summary>
    public static async Task<int> MigrateCommandAsync(WebApplication app, IReadOnlyList<string> args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var log = Log(scope.ServiceProvider);
        await EnsureSchemaAsync(scope.ServiceProvider.GetRequiredService<BroadsheetDb>(), migrate: true, log);
        log.LogInformation("The database schema is up to date");
        return 0;
    }

    /// <summary>Migrates (or, with <paramref name="migrate"/> off, refuses a schema behind the code), then says how durable a commit is.</summary>
    public static async Task EnsureSchemaAsync(BroadsheetDb db, bool migrate, ILogger log)
    {
        if (migrate) await DataSetup.MigrateAsync(db);
        else if ((await db.Database.GetPendingMigrationsAsync()).ToList() is { Count: > 0 } pending)
            throw new InvalidOperationException(
                $"The database lacks {pending.Count} migration(s) ({string.Join(", ", pending)}); run `dotnet Broadsheet.dll migrate` first.");
        await DurabilityReport.LogAsync(db, log);
    }

    public static ILogger Log(IServiceProvider services) => services.GetRequiredService<ILoggerFactory>().CreateLogger("Broadsheet.Startup");
}
