namespace Broadsheet.Features.ViewCounting;

/// <summary>Where views wait between the beacon and the database: this process's memory, or Redis shared by every node.</summary>
public interface IViewTally
{
    /// <summary>True when every node counts into the same tally, so only one node (the lease holder) may write it out.</summary>
    bool IsShared { get; }

    /// <summary>Counts the view unless this reader was counted for this article within the last half hour.</summary>
    ValueTask<bool> CountAsync(int articleId, int day, UInt128 reader, DateTime utcNow);

    /// <summary>Hands over everything counted so far; it is no longer in the tally.</summary>
    Task<List<PendingViews>> TakeAsync(DateTime utcNow);

    /// <summary>Returns views whose write failed, to go with the next batch.</summary>
    Task PutBackAsync(IReadOnlyCollection<PendingViews> views);
}
