namespace Broadsheet.Features.Comments;

/// <summary>The "Broadsheet:Comments" configuration section.</summary>
public sealed class CommentOptions
{
    public const string Section = "Broadsheet:Comments";

    /// <summary>Comments close by themselves this many days after publication; 0 keeps them open.</summary>
    public int CloseAfterDays { get; set; } = 30;

    /// <summary>Readers flagging one comment before it is held for a moderator.</summary>
    public int FlagsToHold { get; set; } = 3;

    /// <summary>A new account's comments wait for a moderator until this many were approved.</summary>
    public int PreModerationApprovals { get; set; } = 2;

    /// <summary>Of an account's last <see cref="RecentForFallback"/> moderated comments, this share rejected sends it back to pre-moderation.</summary>
    public double RejectedShareForFallback { get; set; } = 0.3;
    public int RecentForFallback { get; set; } = 10;

    public int PerMinute { get; set; } = 5;
    public int PerDay { get; set; } = 50;
    public int PageSize { get; set; } = 50;
}
