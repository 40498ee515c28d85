using Microsoft.AspNetCore.DataProtection;

namespace Broadsheet.Infrastructure;

public static class KeyRing
{
    /// <summary>
    /// The keys behind sign-in cookies and antiforgery tokens live in the data folder (or Redis),
    /// so a restart does not sign everyone out.
    /// </summary>
    public static IServiceCollection AddKeyRing(this IServiceCollection services, BroadsheetOptions options, Redis.RedisLink redis)
    {
        var protection = services.AddDataProtection().SetApplicationName("Broadsheet");
        // With several nodes the keys must be shared, or a reader signed in on one node is a stranger on the next.
        if (redis.Connection is { } connection) protection.PersistKeysToStackExchangeRedis(connection, "broadsheet:data-protection-keys");
        else protection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.DataPath, "keys")));
        return services;
    }
}
