using Broadsheet.Features.Articles;
using Broadsheet.Features.Audit;
using Broadsheet.Infrastructure;
using Broadsheet.Infrastructure.Data;
using Broadsheet.Infrastructure.Data.Faults;
using Broadsheet.Infrastructure.Jobs;
using Broadsheet.Infrastructure.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Articles;

/// <summary>
/// Publishes scheduled articles whose time has come. The schedule is in the database, so a
/// restart loses nothing; polling every 15 seconds keeps each article within a minute of its time.
/// </summary>
public sealed class ScheduledPublishing(IServiceScopeFactory scopes, JobLeases leases, SiteMetrics metrics, BroadsheetOptions options, TimeProvider clock, ILogger<ScheduledPublishing> log) : BackgroundService
{
    public const string Job = "scheduled-publishing";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.ScheduleSeconds)), clock);
        do
        {
            // With several nodes only the lease holder publishes; the others stand by to take over.
            try
            {
                var holding = await leases.TryHoldAsync(Job, stoppingToken);
                if (holding) await PublishDueAsync(stoppingToken);
                metrics.JobRan(Job, holding ? "done" : "standby");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                metrics.JobRan(Job, "failed");
                // A full disk is logged once by WriteOutage, not at every pass until it is freed.
                log.Log(StorageFault.Is(e) ? LogLevel.Debug : LogLevel.Error, e, "Scheduled publishing failed; it will try again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass: publishes what is due and announces each. Returns the ids it published.</summary>
    public async Task<List<int>> PublishDueAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var changes = scope.ServiceProvider.GetRequiredService<ArticleChanges>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Articles
            .Where(a => a.Status == ArticleStatus.Scheduled && a.PublishedAt <= now)
            .OrderBy(a => a.PublishedAt).Take(100).ToListAsync(ct);
        var published = new List<int>();
        foreach (var article in due)
        {
            if (!article.PublishIfDue(now)) continue;
            article.Version = Guid.NewGuid();
            db.AuditLog.Add(new AuditEntry { At = now, Actor = "schedule", Action = AuditAction.Publish, ArticleId = article.Id, Details = article.Title });
            try
            {
                await db.SaveChangesAsync(ct);
                published.Add(article.Id);
            }
            catch (DbUpdateConcurrencyException)
            {
                // An editor changed it in the same moment (or another node published it); the next pass looks again.
                db.ChangeTracker.Clear();
                break;
            }
        }
        foreach (var id in published)
        {
            log.LogInformation("Published scheduled article {ArticleId}", id);
            await changes.AnnounceAsync(id, ct);
        }
        return published;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await leases.ReleaseAsync(Job, cancellationToken);
    }
}
