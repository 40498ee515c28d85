using System.Runtime.InteropServices;

namespace Broadsheet.Infrastructure.Data;

/// <summary>
/// What SQLite frees (a large page cache set back to its default, a statement journal kept in memory) goes back to
/// the C allocator, not to the system: glibc keeps freed pages inside its heaps and returns them only when asked.
/// After a bulk job such as an import that is ~80 MB the process still counts as its own while doing the next thing.
/// </summary>
public static class FreedMemory
{
    /// <summary>Returns the C heap's free pages to the system where the allocator can (glibc); elsewhere nothing.</summary>
    public static void GiveBack()
    {
        if (!OperatingSystem.IsLinux()) return;
        try { _ = MallocTrim(0); }
        catch (DllNotFoundException) { }
        catch (EntryPointNotFoundException) { } // musl has no malloc_trim
    }

    // DllImport rather than LibraryImport: the generated form needs unsafe code for a call that marshals nothing.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
#pragma warning restore SYSLIB1054
}
