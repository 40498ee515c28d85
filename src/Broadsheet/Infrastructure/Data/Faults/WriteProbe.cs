using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Infrastructure.Data.Faults;

/// <summary>
/// Ends an outage on a quiet site too: while writes are failing, one small real write every few
/// seconds (this node's row in JobLeases, which no job uses), so /readyz turns back to 200 once
/// space is freed even when no reader writes. Idle, and silent, the rest of the time.
/// </summary>
public sealed class WriteProbe(WriteOutage outage, IServiceScopeFactory scopes, WebNode node, TimeProvider clock, ILogger<WriteProbe> log) : BackgroundService
{
    public const string Row = "write-probe";
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Real time even under a test's movable clock: TimeProvider.System's timer.
        using var timer = new PeriodicTimer(Every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!outage.IsOn) continue;
            try { await ProbeAsync(stoppingToken); }
            catch (Exception e) when (StorageFault.Is(e))
            {
                // Still failing; WriteOutageWatch has counted it and the outage was logged when it began.
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "The write probe failed for a reason other than storage");
            }
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
