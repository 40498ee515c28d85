namespace Broadsheet.Infrastructure.Media;

/// <summary>
/// The four formats the newsroom takes, recognised by their first bytes alone, never by the file's
/// name or declared type: an SVG, an HTML page or a script called photo.png is none of them.
/// </summary>
public sealed record PictureFormat(string Name, string Extension, bool MayAnimate)
{
    public static readonly PictureFormat Jpeg = new("JPEG", "jpg", false);
    public static readonly PictureFormat Png = new("PNG", "png", false);
    public static readonly PictureFormat WebP = new("WebP", "webp", true);
    public static readonly PictureFormat Gif = new("GIF", "gif", true);

    public static PictureFormat? Recognise(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? Jpeg
        : bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]) ? Png
        : bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8) ? Gif
        : bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8) ? WebP
        : null;
}
