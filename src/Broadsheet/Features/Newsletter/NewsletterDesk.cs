using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsletter;

/// <summary>What the newsroom sees of the newsletter and can do with it: counts, runs, failures, alerts.</summary>
public sealed class NewsletterDesk(BroadsheetDb db, DigestEditions editions, DigestDispatch dispatch)
{
    public async Task<SubscriberCounts> CountsAsync(CancellationToken ct)
    {
        var byState = await db.Subscribers.GroupBy(s => new { s.State, s.Frequency })
            .Select(g => new { g.Key.State, g.Key.Frequency, Count = g.Count() }).ToListAsync(ct);
        var alerts = await db.Subscribers.CountAsync(s => s.State == SubscriberState.Confirmed && s.BreakingAlerts, ct);
        int Count(SubscriberState state, DigestFrequency? frequency = null) =>
            byState.Where(x => x.State == state && (frequency is null || x.Frequency == frequency)).Sum(x => x.Count);
        return new SubscriberCounts(
            Count(SubscriberState.Confirmed), Count(SubscriberState.Pending), Count(SubscriberState.Unsubscribed),
            Count(SubscriberState.Confirmed, DigestFrequency.Daily), Count(SubscriberState.Confirmed, DigestFrequency.Weekly), alerts);
    }

    public Task<List<RunProgress>> RecentRunsAsync(int count, CancellationToken ct) =>
        db.DigestRuns.OrderByDescending(r => r.Id).Take(count)
            .Select(r => new RunProgress(r.Id, r.Key, r.Kind, r.CreatedAt, r.FinishedAt,
                r.Deliveries.Count(d => d.State == DeliveryState.Pending),
                r.Deliveries.Count(d => d.State == DeliveryState.Sent),
                r.Deliveries.Count(d => d.State == DeliveryState.Failed),
                r.Deliveries.Count(d => d.State == DeliveryState.Skipped)))
            .ToListAsync(ct);

    public Task<List<DeliveryFailure>> FailuresAsync(int count, CancellationToken ct) =>
        (from d in db.DigestDeliveries
         join s in db.Subscribers on d.SubscriberId equals s.Id
         join r in db.DigestRuns on d.RunId equals r.Id
         where d.State == DeliveryState.Failed || (d.State == DeliveryState.Pending && d.LastError != null)
         orderby d.Id descending
         select new DeliveryFailure(r.Key, s.Email, d.State, d.Attempts, d.LastError, d.NextAttemptAt))
        .Take(count).ToListAsync(ct);

    /// <summary>Sends one article to everyone who opted in to alerts; null when it is not visible or was already alerted.</summary>
    public async Task<int?> SendBreakingAlertAsync(int articleId, CancellationToken ct)
    {
        var run = await editions.PlanAlertAsync(articleId, ct);
        if (run is null) return null;
        await dispatch.SendPendingAsync(ct);
        return run.Deliveries.Count;
    }
}

public sealed record SubscriberCounts(int Confirmed, int Pending, int Unsubscribed, int Daily, int Weekly, int Alerts);

/// <summary>Sent means accepted by the SMTP server; pending includes deliveries waiting out a back-off.</summary>
public sealed record RunProgress(int Id, string Key, DigestKind Kind, DateTime Created, DateTime? Finished, int Pending, int Sent, int Failed, int Skipped);

public sealed record DeliveryFailure(string Run, string Email, DeliveryState State, int Attempts, string? Error, DateTime? NextAttemptAt);
