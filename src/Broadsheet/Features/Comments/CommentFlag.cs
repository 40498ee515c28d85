namespace Broadsheet.Features.Comments;

/// <summary>One reader's "this breaks the rules" on another's comment; one per reader per comment.</summary>
public sealed class CommentFlag
{
    public long Id { get; set; }
    public long CommentId { get; set; }
    public required string AccountId { get; set; }
    public FlagReason Reason { get; set; }

    /// <summary>UTC.</summary>
    public DateTime At { get; set; }
}

public enum FlagReason { Insult, Extremism, FalseInformation, Spam, Other }
