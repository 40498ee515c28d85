namespace Broadsheet.Features.Newsroom.Media;

/// <summary>
/// An uploaded picture in the media library: its renditions on disk (one per width, metadata
/// stripped), and the caption and credit that go with it wherever it is used.
/// </summary>
public sealed class MediaItem
{
    public int Id { get; set; }

    /// <summary>The largest rendition's public path; the smaller ones are named after it (see <see cref="Infrastructure.Media.ResponsiveImage"/>).</summary>
    public required string Path { get; set; }
    public required string Format { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public long Bytes { get; set; }
    public string OriginalName { get; set; } = "";
    public string Caption { get; set; } = "";
    public string Credit { get; set; } = "";
    public string UploadedBy { get; set; } = "";

    /// <summary>UTC.</summary>
    public DateTime UploadedAt { get; set; }
}
