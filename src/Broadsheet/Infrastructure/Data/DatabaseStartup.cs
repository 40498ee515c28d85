using Broadsheet.Features.Demo;
using Broadsheet.Features.Site;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Infrastructure.Data;

public static class DatabaseStartup
{
    /// <summary>
    /// Brings the schema up to date and, on an empty database, lays down the settings and the demo
    /// publication. Operators who migrate by hand (`dotnet Broadsheet.dll migrate`) set
    /// Broadsheet:MigrateOnStart=false; a node then refuses to start on a schema it does not know.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var options = scope.ServiceProvider.GetRequiredService<BroadsheetOptions>();
        var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Broadsheet.Startup");

        var migrateCommand = args is ["migrate"];
        if (options.MigrateOnStart || migrateCommand) await DataSetup.MigrateAsync(db);
        else if ((await db.Database.GetPendingMigrationsAsync()).ToList() is { Count: > 0 } pending)
            throw new InvalidOperationException(
                $"The database lacks {pending.Count} migration(s) ({string.Join(", ", pending)}); run `dotnet Broadsheet.dll migrate` first.");
        if (migrateCommand)
        {
            log.LogInformation("The database schema is up to date");
            return;
        }
        if (!await db.SiteSettings.AnyAsync())
        {
            db.SiteSettings.Add(new SiteSettings());
            await db.SaveChangesAsync();
        }
        if (options.SeedDemo && !await db.Articles.AnyAsync())
        {
            var demo = scope.ServiceProvider.GetRequiredService<DemoPublication>();
            var count = await demo.SeedAsync(db, options.DemoLanguage == "ru" ? "ru" : "en", Math.Max(1, options.DemoArticles));
            log.LogInformation("Seeded the demo publication: {Count} articles", count);
        }
        scope.ServiceProvider.GetRequiredService<SiteSettingsStore>().Forget();
    }
}
