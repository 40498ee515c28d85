namespace Broadsheet.Infrastructure.Jobs;

/// <summary>Which web node may run a background job until when. One row per job.</summary>
public sealed class JobLease
{
    public required string Job { get; set; }
    public required string Holder { get; set; }

    /// <summary>UTC. The holder renews well before this; if it dies, another node takes over after it.</summary>
    public DateTime ExpiresAt { get; set; }
}
