namespace Broadsheet.Features.Newsletter;

/// <summary>
/// One e-mail address on the list. It counts as subscribed only once confirmed: a sign-up is
/// pending until its owner follows the confirmation link, and expires if they never do.
/// </summary>
public sealed class Subscriber
{
    public int Id { get; set; }

    /// <summary>Trimmed and lower-cased, so that one mailbox is one row whatever the reader typed.</summary>
    public required string Email { get; set; }
    public SubscriberState State { get; set; } = SubscriberState.Pending;
    public DigestFrequency Frequency { get; set; } = DigestFrequency.Daily;

    /// <summary>Empty means every rubric, including ones added later.</summary>
    public List<SubscriberRubric> Rubrics { get; set; } = [];
    public bool BreakingAlerts { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    public DateTime? UnsubscribedAt { get; set; }

    /// <summary>When a confirmation (or "you are already subscribed") mail last went out; limits how often one address gets one.</summary>
    public DateTime? LastMailedAt { get; set; }

    /// <summary>The end of the window the last digest covered; the next digest starts here.</summary>
    public DateTime? DigestUpTo { get; set; }

    public bool IsConfirmed => State == SubscriberState.Confirmed;

    public bool MayBeMailedAgainAt(DateTime utcNow, TimeSpan interval) =>
        LastMailedAt is not { } last || utcNow - last >= interval;

    public bool HasExpiredAt(DateTime utcNow, TimeSpan pendingFor) =>
        State == SubscriberState.Pending && utcNow - CreatedAt >= pendingFor;

    public void Confirm(DateTime utcNow)
    {
        if (State == SubscriberState.Confirmed) return;
        State = SubscriberState.Confirmed;
        ConfirmedAt = utcNow;
        UnsubscribedAt = null;
        // A new (or returning) subscriber's first digest is the next edition due, covering that edition's
        // period (DigestEditions), not the archive and not only what comes after this minute.
        DigestUpTo = null;
    }

    public void Unsubscribe(DateTime utcNow)
    {
        if (State == SubscriberState.Unsubscribed) return;
        State = SubscriberState.Unsubscribed;
        UnsubscribedAt = utcNow;
    }
}

public sealed class SubscriberRubric
{
    public int SubscriberId { get; set; }
    public int RubricId { get; set; }
}

public enum SubscriberState { Pending, Confirmed, Unsubscribed }

public enum DigestFrequency { Daily, Weekly }
