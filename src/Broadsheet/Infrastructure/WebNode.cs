namespace Broadsheet.Infrastructure;

/// <summary>This process among the web nodes: a name no other process, now or after a restart, has.</summary>
public sealed class WebNode
{
    public string Id { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
}
