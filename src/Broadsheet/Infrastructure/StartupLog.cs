using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Broadsheet.Infrastructure;

public static class StartupLog
{
    public static void LogSiteAddress(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var options = app.Services.GetRequiredService<BroadsheetOptions>();
            foreach (var address in addresses)
                app.Logger.LogInformation("Broadsheet is open at {Address} (data folder {DataPath})", address, options.DataPath);
        });
}
