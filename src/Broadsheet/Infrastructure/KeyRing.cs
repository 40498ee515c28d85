using Microsoft.AspNetCore.DataProtection;

namespace Broadsheet.Infrastructure;

public static class KeyRing
{
    /// <summary>
    /// The keys behind sign-in cookies and antiforgery tokens live in the data folder, so a
    /// restart does not sign everyone out. Several nodes must share them (see OPERATIONS.md).
    /// </summary>
    public static IServiceCollection AddKeyRing(this IServiceCollection services, BroadsheetOptions options)
    {
        services.AddDataProtection().SetApplicationName("Broadsheet")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.DataPath, "keys")));
        return services;
    }
}
