using Broadsheet.Features.Comments;
using Broadsheet.Features.Newsroom.Language;

namespace Broadsheet.Features.Newsroom.Moderation;

/// <summary>The names moderation screens give to flag reasons and comment states, as literal phrases so every one has its Russian.</summary>
public static class ModerationWords
{
    public static string Reason(NewsroomWords W, FlagReason reason) => reason switch
    {
        FlagReason.Insult => W["insult"],
        FlagReason.Extremism => W["extremism"],
        FlagReason.FalseInformation => W["false information"],
        FlagReason.Spam => W["spam"],
        _ => W["other"],
    };

    /// <summary>A state as counted in an author's record ("published: 12, removed: 1").</summary>
    public static string Counted(NewsroomWords W, CommentStatus status, int count) => status switch
    {
        CommentStatus.Published => W["published: {0}", count],
        CommentStatus.Held => W["waiting: {0}", count],
        CommentStatus.Rejected => W["rejected: {0}", count],
        _ => W["removed: {0}", count],
    };

    /// <summary>A state as a tab or a filter names it.</summary>
    public static string State(NewsroomWords W, CommentStatus status) => status switch
    {
        CommentStatus.Published => W["Published"],
        CommentStatus.Held => W["Waiting"],
        CommentStatus.Rejected => W["Rejected"],
        _ => W["Removed"],
    };
}
