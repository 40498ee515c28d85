namespace Broadsheet.Features.Channels;

/// <summary>
/// The guard that makes each article go to Telegram once: the row is claimed (Posting) before the
/// Bot API call, so a second publish event, another node or a restart finds it and stays quiet.
/// A crash between the claim and the answer leaves Posting, which is never retried on its own:
/// for a public channel a missing post is the lesser harm than a double one.
/// </summary>
public sealed class TelegramPost
{
    public int ArticleId { get; set; }
    public TelegramPostState State { get; set; }
    public DateTime ClaimedAt { get; set; }
    public DateTime? PostedAt { get; set; }
    public long? MessageId { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}

/// <summary>Failed posts are tried again on the article's next change.</summary>
public enum TelegramPostState { Posting, Posted, Failed }
