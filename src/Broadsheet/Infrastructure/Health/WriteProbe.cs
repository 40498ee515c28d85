using Broadsheet.Infrastructure.Data;
using Broadsheet.Infrastructure.Data.Faults;
using Broadsheet.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Infrastructure.Health;

/// <summary>
/// Ends an outage on a quiet site too: while writes are failing, one small real write every few
/// seconds (this node's row in JobLeases, which no job uses), so /readyz turns back to 200 once
/// space is freed even when no reader writes. Idle, and silent, the rest of the time.
/// </summary>
public sealed class WriteProbe(WriteOutage outage, IServiceScopeFactory scopes, WebNode node, TimeProvider clock) : IJob
{
    public const string Row = "write-probe";

    public string Name => Row;
    public JobSchedule Schedule { get; } = JobSchedule.Every(TimeSpan.FromSeconds(5));

    /// <summary>Every node probes: each has its own view of whether writes work.</summary>
    public bool OnOneNode => false;

    public async Task RunAsync(CancellationToken ct)
    {
        if (!outage.IsOn) return;
        try { await ProbeAsync(ct); }
        catch (Exception e) when (StorageFault.Is(e))
        {
            // Still failing; WriteOutageWatch has counted it and the outage was logged when it began. Any
            // other failure reaches the job host, which logs it once.
        }
    }

    public async Task ProbeAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var holder = node.Id;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "JobLeases" ("Job", "Holder", "ExpiresAt") VALUES ({Row}, {holder}, {now})
            ON CONFLICT ("Job") DO UPDATE SET "Holder" = excluded."Holder", "ExpiresAt" = excluded."ExpiresAt"
            """, ct);
    }
}
