using System.Runtime.InteropServices;

namespace Broadsheet.Bench;

/// <summary>
/// CPU time of the calling thread (Linux), for the search benchmark: on a machine shared with
/// other work, wall-clock latency measures the queue for a core as much as the query.
/// </summary>
internal static class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    public static bool IsAvailable { get; } = OperatingSystem.IsLinux();

    public static double Milliseconds()
    {
        if (!IsAvailable || clock_gettime(ClockThreadCpuTimeId, out var t) != 0) return 0;
        return t.Seconds * 1000.0 + t.Nanoseconds / 1_000_000.0;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", SetLastError = false)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int clock_gettime(int clockId, out TimeSpec time);
}
