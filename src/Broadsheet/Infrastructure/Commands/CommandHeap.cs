namespace Broadsheet.Infrastructure.Commands;

/// <summary>
/// A ceiling on the managed heap for the rest of a command. The server collector is sized for a site answering many
/// requests at once and keeps what it has committed: through the import's search rebuild it held 150 MB for 20–56 MB
/// of live objects, which put the whole import over the 400 MB of RSS it is allowed. A command runs alone and ends
/// when done, so a process-wide ceiling is its own business; the site never sets one.
/// </summary>
public static class CommandHeap
{
    /// <summary>
    /// At least <paramref name="floor"/>, and four times what is alive now, so an archive whose rebuild needs more
    /// gets more collections, not an out-of-memory failure.
    /// </summary>
    public static void Cap(long floor)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var ceiling = Math.Max(floor, 4 * GC.GetGCMemoryInfo().HeapSizeBytes);
        AppContext.SetData("GCHeapHardLimit", (ulong)ceiling);
        GC.RefreshMemoryLimit();
    }
}
