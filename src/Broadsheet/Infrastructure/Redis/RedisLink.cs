using StackExchange.Redis;

namespace Broadsheet.Infrastructure.Redis;

/// <summary>
/// The connection to Redis when <c>Broadsheet:Redis</c> names one, shared by everything that must
/// agree across web nodes; null on a single machine, where each of those things stays in memory.
/// </summary>
public sealed class RedisLink(IConnectionMultiplexer? connection) : IDisposable
{
    /// <summary>Distinguishes this process's own broadcasts from other nodes'.</summary>
    public string NodeId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public IConnectionMultiplexer? Connection => connection;
    public bool IsConfigured => connection is not null;

    public void Dispose() => connection?.Dispose();

    public static RedisLink Connect(string? configuration) =>
        string.IsNullOrWhiteSpace(configuration)
            ? new RedisLink(null)
            : new RedisLink(ConnectionMultiplexer.Connect(configuration));
}
