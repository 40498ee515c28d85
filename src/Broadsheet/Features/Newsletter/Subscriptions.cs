using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Broadsheet.Infrastructure.Data.Faults;
using Broadsheet.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsletter;

/// <summary>
/// Signing up, confirming, changing preferences and unsubscribing: what the public form, the JSON
/// API and the links in mail all call. Every sign-up gets the same answer whatever the address's
/// state, so the form cannot be used to learn who reads the newsletter.
/// </summary>
public sealed class Subscriptions(
    BroadsheetDb db, SiteContext site, TimeProvider clock, NewsletterOptions options,
    NewsletterTokens tokens, NewsletterLinks links, MailSender mail, ILogger<Subscriptions> log)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private TimeSpan PendingFor => TimeSpan.FromHours(options.PendingHours);

    public async Task SignUpAsync(SignUp signUp, CancellationToken ct)
    {
        var now = Now;
        // The row and the claim on its mail slot commit together: a full disk that lets the insert through
        // and refuses the claim would otherwise keep a sign-up whose reader was told "try again" (503).
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var subscriber = await db.Subscribers.Include(s => s.Rubrics).FirstOrDefaultAsync(s => s.Email == signUp.Email, ct);
        if (subscriber is not null && subscriber.HasExpiredAt(now, PendingFor) && subscriber.MayBeMailedAgainAt(now, PendingFor))
        {
            db.Remove(subscriber);
            await db.SaveChangesAsync(ct);
            subscriber = null;
        }
        if (subscriber is null)
        {
            subscriber = new Subscriber { Email = signUp.Email, CreatedAt = now };
            db.Add(subscriber);
        }
        if (subscriber.State == SubscriberState.Unsubscribed)
        {
            subscriber.State = SubscriberState.Pending;
            subscriber.CreatedAt = now;
        }
        // A confirmed subscriber's choices change only through the signed preferences link:
        // otherwise anyone could change what someone else receives by signing them up again.
        if (!subscriber.IsConfirmed) await ApplyAsync(subscriber, signUp.RubricSlugs, signUp.Frequency, signUp.Alerts, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DuplicateKey.IsViolation(e))
        {
            // A second request for the same new address won the insert: its row is committed, and it
            // sends the one mail. Any other failure (a full disk) reaches the reader as an error.
            return;
        }

        var origin = await links.OriginAsync("newsletter confirmations", ct);
        var claimed = origin is not null && await ClaimMailSlotAsync(subscriber, now, ct);
        await transaction.CommitAsync(ct);
        if (origin is null || !claimed) return;
        var unsubscribe = links.Unsubscribe(origin, subscriber.Id);
        var message = subscriber.IsConfirmed
            ? NewsletterMail.AlreadySubscribed(site, subscriber.Email, links.Preferences(origin, subscriber.Id), unsubscribe)
            : NewsletterMail.Confirmation(site, subscriber.Email, links.Confirm(origin, tokens.ForConfirmation(subscriber.Id, PendingFor)), unsubscribe);
        try
        {
            await mail.SendAsync(message, ct);
        }
        catch (MailNotSentException e)
        {
            // The reader still hears "thank you": submitted does not mean delivered. The slot is
            // given back so that the next attempt tries the mail again.
            log.LogWarning("Confirmation mail to subscriber {Id} not sent: {Reason}", subscriber.Id, e.Message);
            var previous = subscriber.LastMailedAt;
            await db.Subscribers.Where(s => s.Id == subscriber.Id && s.LastMailedAt == now)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastMailedAt, previous), CancellationToken.None);
        }
    }

    /// <summary>
    /// Takes the right to mail this address now, in one conditional UPDATE, so that simultaneous
    /// sign-ups for one address (a double click, a script) send one mail between them.
    /// </summary>
    private async Task<bool> ClaimMailSlotAsync(Subscriber subscriber, DateTime now, CancellationToken ct)
    {
        var before = now - TimeSpan.FromMinutes(options.MailIntervalMinutes);
        var claimed = await db.Subscribers
            .Where(s => s.Id == subscriber.Id && (s.LastMailedAt == null || s.LastMailedAt <= before))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastMailedAt, now), ct);
        return claimed == 1;
    }

    /// <summary>Confirms the sign-up a confirmation token names; false when the token is bad, expired or the sign-up gone.</summary>
    public async Task<bool> ConfirmAsync(string? token, CancellationToken ct)
    {
        if (tokens.ReadConfirmation(token) is not { } id) return false;
        var subscriber = await db.Subscribers.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (subscriber is null || subscriber.State == SubscriberState.Unsubscribed) return false;
        subscriber.Confirm(Now);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<bool> UnsubscribeAsync(string? token, CancellationToken ct)
    {
        if (tokens.ReadManaging(token) is not { } id) return false;
        var subscriber = await db.Subscribers.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (subscriber is null) return false;
        subscriber.Unsubscribe(Now);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Undoes an unsubscribe from the managing link, for an address that confirmed once: the link came to that
    /// mailbox, which is the proof double opt-in asks for, so no second confirmation mail is needed.
    /// </summary>
    public async Task<bool> ResubscribeAsync(string? token, CancellationToken ct)
    {
        if (await FindByManagingTokenAsync(token, ct) is not { ConfirmedAt: not null } subscriber) return false;
        subscriber.Confirm(Now);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<Subscriber?> FindByManagingTokenAsync(string? token, CancellationToken ct) =>
        tokens.ReadManaging(token) is { } id
            ? await db.Subscribers.Include(s => s.Rubrics).FirstOrDefaultAsync(s => s.Id == id, ct)
            : null;

    public async Task<bool> UpdatePreferencesAsync(string? token, SignUp choices, CancellationToken ct)
    {
        if (await FindByManagingTokenAsync(token, ct) is not { } subscriber) return false;
        await ApplyAsync(subscriber, choices.RubricSlugs, choices.Frequency, choices.Alerts, ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Sign-ups nobody confirmed are forgotten: an address someone else typed in should not stay on file.</summary>
    public Task<int> ForgetUnconfirmedAsync(CancellationToken ct)
    {
        var cutoff = Now - PendingFor;
        return db.Subscribers
            .Where(s => s.State == SubscriberState.Pending && s.CreatedAt < cutoff && (s.LastMailedAt == null || s.LastMailedAt < cutoff))
            .ExecuteDeleteAsync(ct);
    }

    private async Task ApplyAsync(Subscriber subscriber, List<string> rubricSlugs, DigestFrequency frequency, bool alerts, CancellationToken ct)
    {
        var ids = rubricSlugs.Count == 0 ? [] : await db.Rubrics.Where(r => rubricSlugs.Contains(r.Slug)).Select(r => r.Id).ToListAsync(ct);
        subscriber.Rubrics.RemoveAll(r => !ids.Contains(r.RubricId));
        foreach (var id in ids.Except(subscriber.Rubrics.Select(r => r.RubricId)))
            subscriber.Rubrics.Add(new SubscriberRubric { RubricId = id });
        subscriber.Frequency = frequency;
        subscriber.BreakingAlerts = alerts;
    }
}
