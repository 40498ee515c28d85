namespace Broadsheet.Features.Comments;

/// <summary>
/// What the thread partial needs: the comments, the article they belong to, whether it takes answers, and
/// the signed-in reader on the uncached page only (the cached article page passes none).
/// </summary>
public sealed record ThreadView(CommentPage Page, int ArticleId, bool Open, ReaderView? Reader)
{
    /// <summary>Replies past this many are folded behind "Show N more replies", so a long exchange does not bury the next thread.</summary>
    public const int RepliesShown = 3;
}

public sealed record CommentView(ShownComment Comment, ThreadView Thread, bool Waiting = false);

/// <summary>
/// The reader looking at the thread: which comments are theirs, which they may still change, and those
/// still waiting for a moderator, shown to them alone where they will appear.
/// </summary>
public sealed record ReaderView(HashSet<long> OwnIds, HashSet<long> EditableIds, List<ShownComment> Waiting);
