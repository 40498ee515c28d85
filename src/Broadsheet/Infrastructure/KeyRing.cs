using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Broadsheet.Infrastructure;

public static class KeyRing
{
    /// <summary>
    /// The keys behind sign-in cookies and antiforgery tokens live in the data folder (or Redis),
    /// so a restart does not sign everyone out. docs/OPERATIONS.md, "The key ring", says how to protect them.
    /// </summary>
    public static IServiceCollection AddKeyRing(this IServiceCollection services, BroadsheetOptions options, Redis.RedisLink redis)
    {
        var protection = services.AddDataProtection().SetApplicationName("Broadsheet");
        // With several nodes the keys must be shared, or a reader signed in on one node is a stranger on the next.
        // There an unencrypted key travels to and rests in Redis, so the framework's warning about it stays a warning.
        if (redis.Connection is { } connection)
        {
            protection.PersistKeysToStackExchangeRedis(connection, "broadsheet:data-protection-keys");
            return services;
        }
        var folder = Path.Combine(options.DataPath, "keys");
        protection.PersistKeysToFileSystem(new DirectoryInfo(folder));
        services.AddOptions<KeyManagementOptions>().Configure<ILoggerFactory>((o, logs) =>
            o.XmlEncryptor ??= new KeptInDataFolder(folder, logs.CreateLogger("Broadsheet.KeyRing")));
        return services;
    }

    /// <summary>
    /// The embedded default, chosen rather than forgotten: a key is stored as it is, next to the database whose
    /// sessions it signs; whoever can read one can read the other, so encrypting it only there would add a
    /// secret to keep without keeping anything safer. Said at Information, with the pointer the framework's
    /// warning lacks, when a key is made.
    /// </summary>
    private sealed class KeptInDataFolder(string folder, ILogger log) : IXmlEncryptor
    {
        private readonly NullXmlEncryptor plain = new();

        public EncryptedXmlInfo Encrypt(XElement plaintextElement)
        {
            log.LogInformation("A new data-protection key is stored unencrypted in {Folder}, in the data folder beside the database; "
                + "keep the folder readable by the site's user only (docs/OPERATIONS.md, \"The key ring\")", folder);
            return plain.Encrypt(plaintextElement);
        }
    }
}
