using Broadsheet.Features.Articles;
using Broadsheet.Features.Audit;
using Broadsheet.Infrastructure;
using Broadsheet.Infrastructure.Data;
using Broadsheet.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Articles;

/// <summary>
/// Publishes scheduled articles whose time has come. The schedule is in the database, so a
/// restart loses nothing; polling every 15 seconds keeps each article within a minute of its time.
/// With several nodes only the lease holder publishes; the others stand by to take over.
/// </summary>
public sealed class ScheduledPublishing(IServiceScopeFactory scopes, BroadsheetOptions options, TimeProvider clock, ILogger<ScheduledPublishing> log) : IJob
{
    public const string Job = "scheduled-publishing";

    public string Name => Job;
    public JobSchedule Schedule => JobSchedule.Every(TimeSpan.FromSeconds(Math.Max(1, options.ScheduleSeconds)));
    public bool OnOneNode => true;

    public Task RunAsync(CancellationToken ct) => PublishDueAsync(ct);

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
        var notices = scope.ServiceProvider.GetRequiredService<Workflow.WorkflowNotices>();
        foreach (var article in due.Where(a => published.Contains(a.Id)))
        {
            log.LogInformation("Published scheduled article {ArticleId}", article.Id);
            await changes.AnnounceAsync(article.Id, ct);
            try
            {
                await notices.WentOutAsync(article, ct);
            }
            catch (DbUpdateException e)
            {
                // The article is out; a notice that could not be kept must not make the next pass publish it again.
                log.LogWarning(e, "Could not tell the authors of scheduled article {ArticleId}", article.Id);
                db.ChangeTracker.Clear();
            }
        }
        return published;
    }
}
