namespace Broadsheet.Features.Comments;

/// <summary>What the thread partial needs: the comments, and the signed-in reader on the uncached page only.</summary>
public sealed record ThreadView(CommentPage Page, ReaderView? Reader);

public sealed record CommentView(ShownComment Comment, ReaderView? Reader);

/// <summary>The reader looking at the thread: which comments are theirs and which they may still change.</summary>
public sealed record ReaderView(HashSet<long> OwnIds, HashSet<long> EditableIds);
