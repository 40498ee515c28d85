using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Media;
using Broadsheet.Infrastructure.Data;
using Broadsheet.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Broadsheet.Features.Newsletter;

/// <summary>
/// Sends what the runs planned, batch by batch over one SMTP connection each. A delivery is marked
/// sent right after the server accepts it, so a restart resumes with the ones still pending and
/// nobody gets a digest twice; the one gap left is a crash between the server's 250 and that
/// write, which would send that single message again. Temporary failures (4xx, a lost
/// connection) wait and retry with doubling back-off; permanent ones (5xx) are given up at once.
/// </summary>
public sealed class DigestDispatch(
    IServiceScopeFactory scopes, MailSender mail, SiteSettingsStore settings, NewsletterLinks links,
    NewsletterOptions options, TimeProvider clock, ILogger<DigestDispatch> log) : IDisposable
{
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    /// <summary>Sends every delivery that is due; returns how many the server accepted.</summary>
    public async Task<int> SendPendingAsync(CancellationToken ct)
    {
        await oneAtATime.WaitAsync(ct);
        try
        {
            var sent = 0;
            while (true)
            {
                var (accepted, more) = await SendBatchAsync(ct);
                sent += accepted;
                if (!more) return sent;
            }
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    private async Task<(int Accepted, bool More)> SendBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var editions = scope.ServiceProvider.GetRequiredService<DigestEditions>();
        var site = await settings.GetAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var batch = await db.DigestDeliveries
            .Where(d => d.State == DeliveryState.Pending && (d.NextAttemptAt == null || d.NextAttemptAt <= now))
            .OrderBy(d => d.Id).Take(Math.Max(1, options.BatchSize)).ToListAsync(ct);
        if (batch.Count == 0) return (0, false);
        // Every newsletter mail carries links; without the public address the deliveries wait for it.
        if (await links.OriginAsync("newsletter digests and alerts", ct) is not { } origin) return (0, false);

        var runs = await db.DigestRuns.Where(r => batch.Select(d => d.RunId).Distinct().Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var accepted = 0;
        MailSession? session = null;
        try
        {
            foreach (var delivery in batch)
            {
                if (!await ClaimAsync(db, delivery, now, ct)) continue;
                var message = await ComposeAsync(db, editions, site, origin, runs[delivery.RunId], delivery, ct);
                if (message is null)
                {
                    delivery.State = DeliveryState.Skipped;
                    await db.SaveChangesAsync(ct);
                    continue;
                }
                try
                {
                    delivery.Attempts++;
                    session ??= await mail.OpenAsync(ct);
                    await session.SendAsync(message, ct);
                    delivery.State = DeliveryState.Sent;
                    delivery.NextAttemptAt = null;
                    delivery.SentAt = clock.GetUtcNow().UtcDateTime;
                    delivery.LastError = null;
                    accepted++;
                }
                catch (MailNotSentException failure)
                {
                    Defer(delivery, failure, now);
                    await db.SaveChangesAsync(ct);
                    // A temporary failure means the server is unwell: stop and let the back-off pass.
                    if (failure.IsTemporary) return (accepted, false);
                    continue;
                }
                await db.SaveChangesAsync(CancellationToken.None);
            }
        }
        finally
        {
            if (session is not null) await session.DisposeAsync();
            await FinishRunsAsync(db, runs.Keys, ct);
        }
        return (accepted, batch.Count == options.BatchSize);
    }

    public void Dispose() => oneAtATime.Dispose();

    /// <summary>
    /// Leases one delivery to this process before it is sent, in a conditional UPDATE, so that two
    /// web nodes working through the same run never send the same message. If the process dies
    /// holding the lease, the delivery is picked up again once the lease runs out.
    /// </summary>
    private static async Task<bool> ClaimAsync(BroadsheetDb db, DigestDelivery delivery, DateTime now, CancellationToken ct)
    {
        var until = now + SendLease;
        var claimed = await db.DigestDeliveries
            .Where(d => d.Id == delivery.Id && d.State == DeliveryState.Pending && (d.NextAttemptAt == null || d.NextAttemptAt <= now))
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.NextAttemptAt, until), ct);
        if (claimed == 0) return false;
        delivery.NextAttemptAt = until;
        return true;
    }

    private static readonly TimeSpan SendLease = TimeSpan.FromMinutes(5);

    private void Defer(DigestDelivery delivery, MailNotSentException failure, DateTime now)
    {
        delivery.LastError = failure.Message.Length > 500 ? failure.Message[..500] : failure.Message;
        if (!failure.IsTemporary || delivery.Attempts >= options.MaxAttempts)
        {
            delivery.State = DeliveryState.Failed;
            delivery.NextAttemptAt = null;
            log.LogWarning("Gave up on delivery {Id} after {Attempts} attempts: {Reason}", delivery.Id, delivery.Attempts, failure.Message);
            return;
        }
        var wait = TimeSpan.FromSeconds(options.RetryAfterSeconds * Math.Pow(2, Math.Max(0, delivery.Attempts - 1)));
        delivery.NextAttemptAt = now + wait;
    }

    private async Task<MimeMessage?> ComposeAsync(
        BroadsheetDb db, DigestEditions editions, SiteContext site, string origin, DigestRun run, DigestDelivery delivery, CancellationToken ct)
    {
        var subscriber = await db.Subscribers.AsNoTracking().Include(s => s.Rubrics).FirstOrDefaultAsync(s => s.Id == delivery.SubscriberId, ct);
        if (subscriber is not { IsConfirmed: true }) return null;
        var unsubscribe = links.Unsubscribe(origin, subscriber.Id);
        var preferences = links.Preferences(origin, subscriber.Id);
        if (run.Kind == DigestKind.Alert)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var article = await db.Articles.AsNoTracking().Where(a => a.Id == run.ArticleId).VisibleAt(now).FirstOrDefaultAsync(ct);
            return article is null ? null : NewsletterMail.Alert(site, subscriber.Email, Item(site, origin, article.Title, article.Lead, article.PublishedAt!.Value, article.Slug), unsubscribe, preferences);
        }
        var articles = await editions.ArticlesFor(subscriber.Rubrics.Select(r => r.RubricId).ToList(), delivery.Since, run.UpTo)
            .Newest().Take(DigestEditions.MaxItems)
            .Select(a => new
            {
                a.Title, a.Lead, PublishedAt = a.PublishedAt!.Value, a.Slug, a.CoverImage,
                Rubric = a.Rubrics.OrderBy(r => r.Rubric.Position).Select(r => r.Rubric.Name).FirstOrDefault(),
            }).ToListAsync(ct);
        if (articles.Count == 0) return null;
        var items = articles.Select(a => Item(site, origin, a.Title, a.Lead, a.PublishedAt, a.Slug) with
        {
            Rubric = a.Rubric,
            Image = a.CoverImage is { } cover ? (cover.StartsWith('/') ? origin : "") + ResponsiveImage.AtMost(cover, MailPictureWidth) : null,
        }).ToList();
        return NewsletterMail.Digest(site, subscriber.Email, run.Kind, site.LocalDate(run.UpTo), items, unsubscribe, preferences);
    }

    // Twice the 552 px the letter shows it at, for sharp pictures on phones; the 1,600 px original would only cost readers' data.
    private const int MailPictureWidth = 960;

    private static DigestItem Item(SiteContext site, string origin, string title, string lead, DateTime publishedAt, string slug) =>
        new(title, Teaser.Shorten(lead), publishedAt, origin + ArticleUrl.For(site, publishedAt, slug));

    private async Task FinishRunsAsync(BroadsheetDb db, IEnumerable<int> runIds, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = runIds.ToList();
        await db.DigestRuns
            .Where(r => ids.Contains(r.Id) && r.FinishedAt == null && !r.Deliveries.Any(d => d.State == DeliveryState.Pending))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.FinishedAt, now), CancellationToken.None);
    }
}
