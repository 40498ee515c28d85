using Broadsheet.Infrastructure.Jobs;

namespace Broadsheet.Infrastructure.Health;

public static class HealthSetup
{
    /// <summary>The shutdown drain, with a shutdown timeout that leaves the requests in flight time to finish after it.</summary>
    public static IServiceCollection AddShutdownDrain(this IServiceCollection services, BroadsheetOptions options)
    {
        services.AddSingleton<ShutdownDrain>();
        services.AddHostedService(sp => sp.GetRequiredService<ShutdownDrain>());
        services.Configure<HostOptions>(host =>
        {
            var needed = TimeSpan.FromSeconds(Math.Max(0, options.ShutdownDrainSeconds) + 30);
            if (host.ShutdownTimeout < needed) host.ShutdownTimeout = needed;
        });
        return services;
    }

    /// <summary>While writes fail, a small real write every few seconds, so readiness comes back on a quiet site too.</summary>
    public static IServiceCollection AddWriteProbe(this IServiceCollection services) => services.AddJob<WriteProbe>();
}
