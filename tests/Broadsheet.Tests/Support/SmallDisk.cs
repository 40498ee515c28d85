using System.Diagnostics;

namespace Broadsheet.Tests.Support;

/// <summary>
/// A tmpfs of a few megabytes mounted for one test, so that the disk under the database really fills
/// up. Needs root (and a kernel that lets the container mount tmpfs): <see cref="SmallDiskFactAttribute"/>
/// skips the test otherwise.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    private static readonly Lazy<string?> Unavailable = new(() =>
    {
        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess) return "needs root on Linux to mount a small tmpfs";
        try
        {
            using var probe = new SmallDisk(1);
            return null;
        }
        catch (InvalidOperationException e) { return e.Message; }
    });

    /// <summary>Why no small disk can be had here, or null when one can.</summary>
    public static string? WhyNot => Unavailable.Value;

    public SmallDisk(int megabytes)
    {
        Path = Directory.CreateTempSubdirectory("broadsheet-small-disk-").FullName;
        Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", Path);
    }

    public string Path { get; }

    private string Filler => System.IO.Path.Combine(Path, "filler");

    /// <summary>Writes a file until the filesystem refuses another byte.</summary>
    public void Fill()
    {
        using var file = new FileStream(Filler, FileMode.Append, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
        var block = new byte[4096];
        try
        {
            while (true) file.Write(block);
        }
        catch (IOException) { }
    }

    public void Free() => File.Delete(Filler);

    public void Dispose()
    {
        // Lazily: a file the app still holds open (the search index) must not keep the mount.
        Run("umount", "-l", Path);
        Directory.Delete(Path);
    }

    private static void Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed: {error.Trim()}");
    }
}
