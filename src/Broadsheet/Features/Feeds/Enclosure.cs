using Broadsheet.Infrastructure;
using Microsoft.AspNetCore.StaticFiles;

namespace Broadsheet.Features.Feeds;

/// <summary>A cover image as RSS and Atom attach it: an absolute URL, a media type and a length in bytes.</summary>
public sealed record Enclosure(string Url, string MediaType, long Length)
{
    private static readonly FileExtensionContentTypeProvider MediaTypes = new();

    public static Enclosure For(string cover, string origin, BroadsheetOptions options)
    {
        var url = cover.StartsWith('/') ? origin + cover : cover;
        var type = MediaTypes.TryGetContentType(cover, out var known) ? known : "application/octet-stream";
        return new Enclosure(url, type, LengthOf(cover, options));
    }

    /// <summary>RSS requires a length; when the file is not ours to measure, the RSS board's advice is 0.</summary>
    private static long LengthOf(string cover, BroadsheetOptions options)
    {
        const string prefix = "/media/";
        if (!cover.StartsWith(prefix, StringComparison.Ordinal)) return 0;
        var root = Path.GetFullPath(options.MediaPath) + Path.DirectorySeparatorChar;
        var path = Path.GetFullPath(Path.Combine(root, Uri.UnescapeDataString(cover[prefix.Length..])));
        // A stored path with ".." must not make the feed report on files outside the media folder.
        if (!path.StartsWith(root, StringComparison.Ordinal)) return 0;
        var file = new FileInfo(path);
        return file.Exists ? file.Length : 0;
    }
}
