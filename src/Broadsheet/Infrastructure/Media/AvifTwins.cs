using System.Text.RegularExpressions;
using Broadsheet.Infrastructure.Jobs;
using NetVips;

namespace Broadsheet.Infrastructure.Media;

/// <summary>
/// Writes an AVIF twin (<c>{key}-{width}w.avif</c>) beside every rendition in the media folder, uploads and
/// demo pictures alike, off the request path: AVIF costs several times WebP's CPU per picture (figures in
/// docs/PERFORMANCE.md), too much to add to an author's upload on a small machine, and a picture is shown
/// with its JPEG and WebP until its twins are there. One pass looks only into folders that changed since it
/// last finished them (a folder's time moves when a file is added), so a quiet site costs a directory listing.
/// </summary>
public sealed partial class AvifTwins(BroadsheetOptions options, PictureSources pictures, ILogger<AvifTwins> log) : IJob
{
    public const string Extension = "avif";

    /// <summary>
    /// A rendition younger than this may still be being written by an upload (which deletes its files when it
    /// fails); its folder is looked at again on the next pass.
    /// </summary>
    private static readonly TimeSpan Settled = TimeSpan.FromSeconds(30);

    /// <summary>Folders finished, with the time they had when the pass that finished them began.</summary>
    private readonly Dictionary<string, DateTime> finished = [];

    /// <summary>The job's own pass and one run by hand (a test) must not encode the same file at once.</summary>
    private readonly Lock oneAtATime = new();

    public string Name => "avif-twins";

    public JobSchedule Schedule => JobSchedule.Every(TimeSpan.FromSeconds(30));

    /// <summary>The media folder is shared by every node; two encoding the same picture would only waste CPU.</summary>
    public bool OnOneNode => true;

    public Task RunAsync(CancellationToken ct) => Task.Run(() => Pass(ct), ct);

    /// <summary>One pass over the changed folders; answers how many twins it wrote.</summary>
    public int Pass(CancellationToken ct = default)
    {
        lock (oneAtATime) return PassAlone(ct);
    }

    private int PassAlone(CancellationToken ct)
    {
        if (!Directory.Exists(options.MediaPath)) return 0;
        Libvips.Configure();
        var written = 0;
        foreach (var folder in Directory.EnumerateDirectories(options.MediaPath, "*", SearchOption.AllDirectories))
        {
            ct.ThrowIfCancellationRequested();
            var changed = Directory.GetLastWriteTimeUtc(folder);
            if (finished.TryGetValue(folder, out var seen) && seen == changed) continue;
            var (twins, done) = Twin(folder, ct);
            written += twins;
            if (done) finished[folder] = changed;
        }
        // This node's pages offer the new twins at once; other nodes' within PictureSources.Recheck.
        if (written > 0) pictures.Forget();
        return written;
    }

    /// <summary>Twins every settled rendition of one folder that has none; done is false when one must wait for the next pass.</summary>
    private (int Twins, bool Done) Twin(string folder, CancellationToken ct)
    {
        // The file system's clock, not the site's TimeProvider: it is compared with the times the files were written at.
        var now = DateTime.UtcNow;
        var renditions = Directory.EnumerateFiles(folder)
            .Select(f => (File: f, Match: Rendition().Match(Path.GetFileName(f))))
            .Where(r => r.Match.Success)
            .GroupBy(r => (Stem: r.Match.Groups["stem"].Value, Width: int.Parse(r.Match.Groups["w"].Value, System.Globalization.CultureInfo.InvariantCulture)))
            // The smaller widths first: the page offers the AVIF source once the largest twin exists, so it is written last.
            .OrderBy(g => g.Key.Stem, StringComparer.Ordinal).ThenBy(g => g.Key.Width);
        var (twins, done) = (0, true);
        foreach (var rendition in renditions)
        {
            ct.ThrowIfCancellationRequested();
            var files = rendition.Select(r => r.File).ToList();
            var twin = Path.ChangeExtension(files[0], Extension);
            if (files.Contains(twin)) continue;
            // The rendition in its own format is drawn from the upload; the WebP is itself a lossy copy, used only when it is the original.
            var source = files.FirstOrDefault(f => !f.EndsWith(".webp", StringComparison.Ordinal)) ?? files[0];
            if (source == twin) continue;
            if (now - File.GetLastWriteTimeUtc(source) < Settled) { done = false; continue; }
            try
            {
                Encode(source, twin);
                twins++;
            }
            catch (VipsException e)
            {
                // A damaged rendition stays without a twin (the page shows its JPEG and WebP); it is tried again when the folder changes.
                log.LogWarning("No AVIF twin for {File}: {Reason}", source, e.Message.Split('\n')[0]);
            }
        }
        return (twins, done);
    }

    /// <summary>
    /// Q 50 at effort 2: a fifth fewer bytes than the WebP twin on smooth pictures, half on a detailed
    /// photograph (rendered softer); libvips's default effort 4 costs about six times the CPU for 2 % fewer
    /// bytes (docs/PERFORMANCE.md). Written under a temporary name and moved, so a reader never gets half a file.
    /// </summary>
    public static void Encode(string source, string twin)
    {
        using var image = NetVips.Image.NewFromFile(source, access: Enums.Access.Sequential);
        var partial = twin + ".part";
        try
        {
            image.Heifsave(partial, q: 50, compression: Enums.ForeignHeifCompression.Av1, effort: 2, keep: Enums.ForeignKeep.Icc);
            File.Move(partial, twin, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    [GeneratedRegex(@"^(?<stem>.+)-(?<w>\d{1,5})w\.(?<ext>jpg|png|webp|gif|avif)$")]
    private static partial Regex Rendition();
}
