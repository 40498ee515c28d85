using Broadsheet.Features.Site;
using Broadsheet.Infrastructure;
using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Demo;

public static class DemoSetup
{
    public static IServiceCollection AddDemoPublication(this IServiceCollection services) =>
        services.AddSingleton<DemoPublication>();

    /// <summary>After the schema and the settings row: the demo publication, on a database without articles (unless switched off).</summary>
    public static async Task SeedDemoAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<BroadsheetOptions>();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        if (!options.SeedDemo || await db.Articles.AnyAsync()) return;
        var demo = scope.ServiceProvider.GetRequiredService<DemoPublication>();
        var count = await demo.SeedAsync(db, options.DemoLanguage == "ru" ? "ru" : "en", Math.Max(1, options.DemoArticles));
        DatabaseStartup.Log(scope.ServiceProvider).LogInformation("Seeded the demo publication: {Count} articles", count);
        scope.ServiceProvider.GetRequiredService<SiteSettingsStore>().Forget();
    }
}
