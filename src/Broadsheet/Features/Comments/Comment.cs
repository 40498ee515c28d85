namespace Broadsheet.Features.Comments;

/// <summary>A reader's comment under an article; a reply has a <see cref="ParentId"/> (one level only).</summary>
public sealed class Comment
{
    public const int TextMax = 4000;
    public const int TextMin = 2;

    /// <summary>How long the author may still change what they wrote.</summary>
    public static readonly TimeSpan EditWindow = TimeSpan.FromMinutes(10);

    public long Id { get; set; }
    public int ArticleId { get; set; }

    /// <summary>Null once the author deleted their account: the comment stays, "from a deleted account".</summary>
    public string? AccountId { get; set; }
    public long? ParentId { get; set; }
    public required string Text { get; set; }
    public CommentStatus Status { get; set; }

    /// <summary>The rule that held or refused it, in words a moderator reads ("word list: insults", "pre-moderation").</summary>
    public string? Rule { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>UTC; set when the author changed the text.</summary>
    public DateTime? EditedAt { get; set; }

    /// <summary>UTC; when a moderator approved, rejected or deleted it.</summary>
    public DateTime? ModeratedAt { get; set; }
    public int FlagCount { get; set; }

    /// <summary>The address it came from, for the per-address rate limit; not shown anywhere public.</summary>
    public string Address { get; set; } = "";

    /// <summary>The name an imported comment was signed with on the old site, shown when its writer has no account here.</summary>
    public string? GuestName { get; set; }

    public bool IsEditableAt(DateTime now) => Status is CommentStatus.Published or CommentStatus.Held && now - CreatedAt < EditWindow;

    public bool IsPublic => Status == CommentStatus.Published;
}

public enum CommentStatus
{
    /// <summary>Shown under the article.</summary>
    Published,

    /// <summary>Waiting for a moderator; only its author and the newsroom see it.</summary>
    Held,

    /// <summary>A moderator (or blocking) turned it down; kept for the reader's history.</summary>
    Rejected,

    /// <summary>Taken down by a moderator after it was shown; kept for the record.</summary>
    Deleted,
}
