using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Infrastructure.Jobs;

/// <summary>
/// Lets exactly one node run each background job. A node holds a job's lease for
/// a term (Broadsheet:JobLeaseSeconds) and renews it on every pass; when it stops renewing (it died, or shut down
/// and let go), the next node to ask gets it. The database decides, so no node needs to know the
/// others. Jobs also stay safe if two nodes ever overlap (optimistic concurrency, delivery rows);
/// the lease is what keeps them from doing the work twice over.
/// </summary>
public sealed class JobLeases(IServiceScopeFactory scopes, WebNode node, BroadsheetOptions options, TimeProvider clock, ILogger<JobLeases> log)
{
    /// <summary>How long a lease lasts unless renewed; the host renews a one-node job's lease before each pass and during a long one.</summary>
    public TimeSpan Term => TimeSpan.FromSeconds(Math.Max(2, options.JobLeaseSeconds));

    /// <summary>True when this node holds (or has just taken) the job's lease for another term.</summary>
    public async Task<bool> TryHoldAsync(string job, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + Term;
        var me = node.Id;
        var renewed = await db.Database.ExecuteSqlAsync($"""
            UPDATE "JobLeases" SET "Holder" = {me}, "ExpiresAt" = {until}
            WHERE "Job" = {job} AND ("Holder" = {me} OR "ExpiresAt" < {now})
            """, ct);
        if (renewed == 1) return true;
        var taken = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "JobLeases" ("Job", "Holder", "ExpiresAt") VALUES ({job}, {me}, {until})
            ON CONFLICT ("Job") DO NOTHING
            """, ct);
        return taken == 1;
    }

    /// <summary>
    /// Lets go on shutdown, so another node takes over at once instead of after the term. Never throws:
    /// a lease not handed over lapses by itself, and a shutdown must not fail for it.
    /// </summary>
    public async Task ReleaseAsync(string job, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
            var now = clock.GetUtcNow().UtcDateTime.AddSeconds(-1);
            var me = node.Id;
            await db.Database.ExecuteSqlAsync($"""UPDATE "JobLeases" SET "ExpiresAt" = {now} WHERE "Job" = {job} AND "Holder" = {me}""", ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not hand over the {Job} lease; it lapses within its term", job);
        }
    }
}
