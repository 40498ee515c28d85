namespace Broadsheet.Features.Newsletter;

/// <summary>
/// One mailing: a daily or weekly digest edition, or a breaking-news alert for one article.
/// Its deliveries are written before the first message goes out, so a restart resumes the
/// run instead of starting it again.
/// </summary>
public sealed class DigestRun
{
    public int Id { get; set; }

    /// <summary>"daily:2024-05-15", "weekly:2024-05-13", "alert:42": unique, so one edition is planned once.</summary>
    public required string Key { get; set; }
    public DigestKind Kind { get; set; }
    public int? ArticleId { get; set; }

    /// <summary>The end of the window: articles visible at this moment are in the edition, later ones wait for the next.</summary>
    public DateTime UpTo { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public List<DigestDelivery> Deliveries { get; set; } = [];
}

public enum DigestKind { Daily, Weekly, Alert }

/// <summary>
/// One message of a run to one subscriber. Sent means the SMTP server accepted it, not that it
/// reached the inbox; failed means it was given up on (a permanent refusal, or too many tries).
/// </summary>
public sealed class DigestDelivery
{
    public long Id { get; set; }
    public int RunId { get; set; }
    public int SubscriberId { get; set; }

    /// <summary>The start of this subscriber's window: their previous digest's end.</summary>
    public DateTime Since { get; set; }
    public DeliveryState State { get; set; } = DeliveryState.Pending;
    public int Attempts { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
}

/// <summary>Skipped: the subscriber left, or the articles were withdrawn, between planning and sending.</summary>
public enum DeliveryState { Pending, Sent, Failed, Skipped }
