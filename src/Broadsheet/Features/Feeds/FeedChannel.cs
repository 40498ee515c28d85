namespace Broadsheet.Features.Feeds;

/// <summary>
/// The feed as a whole: the whole site, or one rubric, tag or author. <see cref="PagePath"/> is the
/// listing page it mirrors; <see cref="SelfUrl"/> is the feed's own absolute address.
/// </summary>
public sealed record FeedChannel(
    string Title, string Description, string Language, string PublicationName,
    string Origin, string PagePath, string SelfUrl, DateTime Generated, List<FeedEntry> Entries)
{
    public string PageUrl => Origin + PagePath;

    /// <summary>The newest change among the entries, so the date moves only when the content does.</summary>
    public DateTime Updated => Entries.Count == 0 ? Generated : Entries.Max(e => e.LastChange);
}
