using System.IO.Compression;

namespace Broadsheet.Features.Import;

/// <summary>
/// The old site's wp-content/uploads, as a folder or a zip of it, read by the path WordPress keeps
/// (<c>2025/10/photo.jpg</c>). A zip may hold the files under uploads/ or wp-content/uploads/; nothing is
/// extracted to disk, and a name with ".." never leaves the folder.
/// </summary>
public sealed class Uploads : IDisposable
{
    private readonly string? folder;
    private readonly ZipArchive? zip;
    private readonly Dictionary<string, ZipArchiveEntry> entries = new(StringComparer.Ordinal);

    private Uploads(string? folder, ZipArchive? zip)
    {
        this.folder = folder;
        this.zip = zip;
        if (zip is null) return;
        foreach (var entry in zip.Entries)
        {
            var name = entry.FullName.Replace('\\', '/');
            foreach (var prefix in (string[])["wp-content/uploads/", "uploads/"])
                if (name.IndexOf(prefix, StringComparison.Ordinal) is >= 0 and var at) { name = name[(at + prefix.Length)..]; break; }
            entries.TryAdd(name, entry);
        }
    }

    public string Description => folder ?? "the zip";

    public static Uploads Folder(string path) => new(Path.GetFullPath(path), null);

    public static Uploads Zip(string path) => new(null, ZipFile.OpenRead(path));

    /// <summary>The file's bytes, or null when it is not there (or larger than <paramref name="maxBytes"/>, which is read as missing too).</summary>
    public byte[]? Read(string relative, long maxBytes)
    {
        relative = relative.Replace('\\', '/').TrimStart('/');
        if (relative.Split('/').Contains("..")) return null;
        if (zip is not null)
        {
            if (!entries.TryGetValue(relative, out var entry) || entry.Length > maxBytes) return null;
            using var stream = entry.Open();
            using var copy = new MemoryStream((int)entry.Length);
            stream.CopyTo(copy);
            return copy.ToArray();
        }
        var file = new FileInfo(Path.Combine(folder!, relative));
        return file.Exists && file.Length <= maxBytes ? File.ReadAllBytes(file.FullName) : null;
    }

    public void Dispose() => zip?.Dispose();
}
