using System.Globalization;
using StackExchange.Redis;

namespace Broadsheet.Infrastructure.Redis;

/// <summary>
/// The connection to Redis when <c>Broadsheet:Redis</c> names one, shared by everything that must
/// agree across web nodes; null on a single machine, where each of those things stays in memory.
/// </summary>
public sealed class RedisLink(IConnectionMultiplexer? connection, string channelPrefix = "broadsheet:") : IDisposable
{
    /// <summary>Distinguishes this process's own broadcasts from other nodes'.</summary>
    public string NodeId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public IConnectionMultiplexer? Connection => connection;
    public bool IsConfigured => connection is not null;

    /// <summary>What every pub/sub channel of this site starts with (<see cref="DefaultChannelPrefix"/>).</summary>
    public string ChannelPrefix => channelPrefix;

    /// <summary>The site's channel for NAME ("evict", "live"): every broadcast between nodes goes through here.</summary>
    public RedisChannel Channel(string name) => RedisChannel.Literal(channelPrefix + name);

    public void Dispose() => connection?.Dispose();

    /// <param name="channelPrefix"><c>Broadsheet:RedisChannelPrefix</c>; null or blank for <see cref="DefaultChannelPrefix"/>.</param>
    public static RedisLink Connect(string? configuration, string? channelPrefix = null)
    {
        if (string.IsNullOrWhiteSpace(configuration)) return new RedisLink(null);
        var options = ConfigurationOptions.Parse(configuration);
        return new RedisLink(ConnectionMultiplexer.Connect(options),
            string.IsNullOrWhiteSpace(channelPrefix) ? DefaultChannelPrefix(options.DefaultDatabase) : channelPrefix);
    }

    /// <summary>
    /// Pub/sub channels are one namespace for the whole Redis server, whatever database a client selected, so two
    /// sites sharing a Redis would hear each other's evictions and live entries (one site's entry on the other's
    /// article with the same number). Sites on one Redis already differ in database number (their keys would collide
    /// otherwise) and every node of a site has the same one, so the channels follow it: "broadsheet:" for database 0
    /// (the names they always had), "broadsheet:db3:" for database 3. Both stay under the ACL pattern broadsheet:*.
    /// </summary>
    public static string DefaultChannelPrefix(int? database) =>
        database is int n and > 0 ? $"broadsheet:db{n.ToString(CultureInfo.InvariantCulture)}:" : "broadsheet:";
}
