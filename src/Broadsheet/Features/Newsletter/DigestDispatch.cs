using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Media;
using Broadsheet.Infrastructure.Data;
using Broadsheet.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Broadsheet.Features.Newsletter;

/// <summary>
/// Sends what the runs planned. A pass keeps one SMTP connection for all its batches (MailKit pipelines
/// MAIL/RCPT/DATA when the server offers PIPELINING). Each batch is claimed in one conditional UPDATE (a lease,
/// so two nodes never send one row), sent, and its outcome saved in one commit: two commits a batch, not two a
/// message. A digest edition is laid out once a pass (<see cref="NewsletterMail.Digest"/>); each letter only gets its
/// reader's address and links. Every message of a delivery carries the same Message-ID (<see cref="MessageIdFor"/>), so a resend is
/// recognisable. A crash leaves the batch claimed; after the lease the messages not yet recorded as sent go again:
/// at most one batch of duplicates per crash, each with the Message-ID of its first copy. Temporary failures (4xx,
/// a lost connection) wait and retry with doubling back-off; permanent ones (5xx) are given up at once.
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
        var pass = new Pass();
        try
        {
            var sent = 0;
            while (true)
            {
                var (accepted, more) = await SendBatchAsync(pass, ct);
                sent += accepted;
                if (!more) break;
            }
            // Once a pass, not once a batch: whether a run has anything pending reads all its deliveries.
            await using var scope = scopes.CreateAsyncScope();
            await FinishRunsAsync(scope.ServiceProvider.GetRequiredService<BroadsheetDb>(), pass.Runs, CancellationToken.None);
            return sent;
        }
        finally
        {
            if (pass.Session is not null) await pass.Session.DisposeAsync();
            oneAtATime.Release();
        }
    }

    /// <summary>One pass over the due deliveries: its connection, and where the next batch starts (by id, so no batch re-reads the rows before it).</summary>
    private sealed class Pass
    {
        public MailSession? Session;
        public long After;
        public HashSet<int> Runs { get; } = [];
        public Dictionary<string, (List<DigestItem> Items, NewsletterMail.DigestTemplate Letter)> Digests { get; } = [];
    }

    private async Task<(int Accepted, bool More)> SendBatchAsync(Pass pass, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var editions = scope.ServiceProvider.GetRequiredService<DigestEditions>();
        var site = await settings.GetAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var after = pass.After;
        var due = await db.DigestDeliveries.AsNoTracking()
            .Where(d => d.Id > after && d.State == DeliveryState.Pending && (d.NextAttemptAt == null || d.NextAttemptAt <= now))
            .OrderBy(d => d.Id).Take(Math.Max(1, options.BatchSize)).Select(d => d.Id).ToListAsync(ct);
        if (due.Count == 0) return (0, false);
        // Every newsletter mail carries links; without the public address the deliveries wait for it.
        if (await links.OriginAsync("newsletter digests and alerts", ct) is not { } origin) return (0, false);
        pass.After = due[^1];
        var more = due.Count == Math.Max(1, options.BatchSize);

        var claimed = await ClaimAsync(db, due, now, now + TimeSpan.FromSeconds(Math.Max(1, options.SendLeaseSeconds)), ct);
        if (claimed.Count == 0) return (0, more);
        var batch = await db.DigestDeliveries.Where(d => claimed.Contains(d.Id)).OrderBy(d => d.Id).ToListAsync(ct);
        var runIds = batch.Select(d => d.RunId).Distinct().ToList();
        var runs = await db.DigestRuns.AsNoTracking().Where(r => runIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        pass.Runs.UnionWith(runIds);
        var subscriberIds = batch.Select(d => d.SubscriberId).ToList();
        var subscribers = await db.Subscribers.AsNoTracking().Include(s => s.Rubrics)
            .Where(s => subscriberIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var letters = new Letters(db, editions, site, origin, clock.GetUtcNow().UtcDateTime, pass);
        var accepted = 0;
        var next = 0;
        try
        {
            for (; next < batch.Count; next++)
            {
                var delivery = batch[next];
                var message = subscribers.TryGetValue(delivery.SubscriberId, out var subscriber) && subscriber.IsConfirmed
                    ? await ComposeAsync(letters, runs[delivery.RunId], delivery, subscriber, ct)
                    : null;
                if (message is null)
                {
                    delivery.State = DeliveryState.Skipped;
                    delivery.NextAttemptAt = null;
                    continue;
                }
                try
                {
                    delivery.Attempts++;
                    pass.Session ??= await mail.OpenAsync(ct);
                    await pass.Session.SendAsync(message, ct);
                    delivery.State = DeliveryState.Sent;
                    delivery.NextAttemptAt = null;
                    delivery.SentAt = clock.GetUtcNow().UtcDateTime;
                    delivery.LastError = null;
                    accepted++;
                }
                catch (MailNotSentException failure)
                {
                    Defer(delivery, failure, now);
                    if (!failure.IsTemporary) continue;
                    // A temporary failure means the server is unwell: stop, drop the connection, let the back-off pass.
                    if (pass.Session is not null) await pass.Session.DisposeAsync();
                    pass.Session = null;
                    next++;
                    more = false;
                    break;
                }
            }
        }
        finally
        {
            // What this batch did not get to is given back at once rather than waiting out the lease.
            foreach (var untried in batch.Skip(next)) untried.NextAttemptAt = null;
            await db.SaveChangesAsync(CancellationToken.None);
        }
        return (accepted, more);
    }

    public void Dispose() => oneAtATime.Dispose();

    /// <summary>
    /// Leases the batch to this process in one conditional UPDATE and returns the rows it got: another node may
    /// have claimed some of them first, and only the database can say which. Plain SQL because EF's bulk update
    /// cannot return the rows it changed; <c>UPDATE … RETURNING</c> is the same on SQLite and PostgreSQL. If the
    /// process dies holding the lease, the rows are picked up again once it runs out.
    /// </summary>
    private static async Task<List<long>> ClaimAsync(BroadsheetDb db, List<long> ids, DateTime now, DateTime until, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            var names = new List<string>();
            foreach (var id in ids) names.Add(Parameter(command, $"@id{names.Count}", id));
            command.CommandText = $"""
                UPDATE "DigestDelivery" SET "NextAttemptAt" = {Parameter(command, "@until", until)}
                WHERE "Id" IN ({string.Join(", ", names)}) AND "State" = '{nameof(DeliveryState.Pending)}'
                  AND ("NextAttemptAt" IS NULL OR "NextAttemptAt" <= {Parameter(command, "@now", now)})
                RETURNING "Id"
                """;
            var claimed = new List<long>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) claimed.Add(reader.GetInt64(0));
            return claimed;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string Parameter(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return name;
    }

    /// <summary>
    /// The same for every copy of one delivery, so that a message sent again after a crash (see the class) is
    /// recognisable as the same message by a server or client that deduplicates by Message-ID.
    /// </summary>
    public static string MessageIdFor(int runId, int subscriberId, string fromAddress) =>
        $"newsletter.{runId}.{subscriberId}@{fromAddress.Split('@').Last()}";

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

    /// <summary>What one batch has loaded for its letters: subscribers with the same rubrics and window get the same items.</summary>
    private sealed record Letters(BroadsheetDb Db, DigestEditions Editions, SiteContext Site, string Origin, DateTime Now, Pass Pass)
    {
        public Dictionary<string, List<DigestItem>> Items { get; } = [];
    }

    private async Task<MimeMessage?> ComposeAsync(Letters letters, DigestRun run, DigestDelivery delivery, Subscriber subscriber, CancellationToken ct)
    {
        var (site, origin) = (letters.Site, letters.Origin);
        var unsubscribe = links.Unsubscribe(origin, subscriber.Id);
        var preferences = links.Preferences(origin, subscriber.Id);
        var rubricIds = subscriber.Rubrics.Select(r => r.RubricId).Order().ToList();
        var key = run.Kind == DigestKind.Alert ? $"{run.Id}" : $"{run.Id}|{delivery.Since.Ticks}|{string.Join(',', rubricIds)}";
        if (!letters.Items.TryGetValue(key, out var items))
        {
            items = run.Kind == DigestKind.Alert
                ? await AlertItemAsync(letters, run, ct)
                : await DigestItemsAsync(letters, rubricIds, delivery.Since, run.UpTo, ct);
            letters.Items[key] = items;
        }
        if (items.Count == 0) return null;
        MimeMessage message;
        if (run.Kind == DigestKind.Alert) message = NewsletterMail.Alert(site, subscriber.Email, items[0], unsubscribe, preferences);
        else
        {
            // Laid out once a pass for everyone with these items; laid out again only if the items changed meanwhile.
            if (!letters.Pass.Digests.TryGetValue(key, out var digest) || !digest.Items.SequenceEqual(items))
                letters.Pass.Digests[key] = digest = (items, NewsletterMail.Digest(site, run.Kind, site.LocalDate(run.UpTo), items));
            message = digest.Letter.For(subscriber.Email, unsubscribe, preferences);
        }
        message.MessageId = MessageIdFor(run.Id, subscriber.Id, mail.From.Address);
        return message;
    }

    private static async Task<List<DigestItem>> AlertItemAsync(Letters letters, DigestRun run, CancellationToken ct)
    {
        var article = await letters.Db.Articles.AsNoTracking().Where(a => a.Id == run.ArticleId).VisibleAt(letters.Now).FirstOrDefaultAsync(ct);
        return article is null ? [] : [Item(letters.Site, letters.Origin, article.Title, article.Lead, article.PublishedAt!.Value, article.Slug)];
    }

    private static async Task<List<DigestItem>> DigestItemsAsync(Letters letters, List<int> rubricIds, DateTime since, DateTime upTo, CancellationToken ct)
    {
        var (site, origin) = (letters.Site, letters.Origin);
        var articles = await letters.Editions.ArticlesFor(rubricIds, since, upTo)
            .Newest().Take(DigestEditions.MaxItems)
            .Select(a => new
            {
                a.Title, a.Lead, PublishedAt = a.PublishedAt!.Value, a.Slug, a.CoverImage,
                Rubric = a.Rubrics.OrderBy(r => r.Rubric.Position).Select(r => r.Rubric.Name).FirstOrDefault(),
            }).ToListAsync(ct);
        return [.. articles.Select(a => Item(site, origin, a.Title, a.Lead, a.PublishedAt, a.Slug) with
        {
            Rubric = a.Rubric,
            Image = a.CoverImage is { } cover ? (cover.StartsWith('/') ? origin : "") + ResponsiveImage.AtMost(cover, MailPictureWidth) : null,
        })];
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
