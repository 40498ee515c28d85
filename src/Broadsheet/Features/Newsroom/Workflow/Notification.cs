namespace Broadsheet.Features.Newsroom.Workflow;

/// <summary>
/// Something a staff member should know about one article: it was submitted, published, scheduled,
/// returned to its author or assigned to them. Kept as facts, not as a sentence, so the bell speaks
/// the reader's language on the day they read it.
/// </summary>
public sealed class Notification
{
    public int Id { get; set; }

    /// <summary>Whom it is for.</summary>
    public required string AccountId { get; set; }
    public int? ArticleId { get; set; }

    /// <summary>The title when it was sent; the article may be renamed or deleted since.</summary>
    public string ArticleTitle { get; set; } = "";

    /// <summary>One of <see cref="NotificationKind"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>Who did it, as the newsroom names them.</summary>
    public string Actor { get; set; } = "";

    /// <summary>The note a returning editor wrote, or the scheduled time; empty when the kind says it all.</summary>
    public string Note { get; set; } = "";

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>UTC; null while unread.</summary>
    public DateTime? ReadAt { get; set; }
}

public static class NotificationKind
{
    public const string Submitted = "submitted";
    public const string Published = "published";

    /// <summary>Published by the schedule, with nobody at the desk to say so.</summary>
    public const string WentOut = "went-out";
    public const string Scheduled = "scheduled";
    public const string Returned = "returned";
    public const string Assigned = "assigned";
}
