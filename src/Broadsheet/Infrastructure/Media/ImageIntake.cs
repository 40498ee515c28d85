using System.Security.Cryptography;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Processing;

namespace Broadsheet.Infrastructure.Media;

/// <summary>
/// Takes an uploaded picture in: recognises it by its bytes (never its name or declared type),
/// refuses what is too big before decoding a pixel, then saves it at each of
/// <see cref="ResponsiveImage.Widths"/> with its metadata (EXIF: camera, GPS position, owner) removed.
/// </summary>
public sealed class ImageIntake(BroadsheetOptions options, TimeProvider clock)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>
    /// 40 megapixels: any camera's photo fits, while a decoded image stays under ~160 MB of memory.
    /// The check reads only the header, so a tiny file that claims 100000×100000 pixels is refused unopened.
    /// </summary>
    public const long MaxPixels = 40_000_000;

    public ImageIntakeResult Accept(byte[] bytes)
    {
        if (bytes.Length == 0) return ImageIntakeResult.Refused("The file is empty.");
        if (bytes.Length > MaxBytes) return ImageIntakeResult.Refused($"The file is {Megabytes(bytes.Length)}; at most {Megabytes(MaxBytes)} are accepted.");

        var format = Image.DetectFormat(bytes);
        var (extension, encoder) = format switch
        {
            JpegFormat => ("jpg", (IImageEncoder)new JpegEncoder { Quality = 82 }),
            PngFormat => ("png", new PngEncoder { CompressionLevel = PngCompressionLevel.BestCompression }),
            WebpFormat => ("webp", new WebpEncoder { Quality = 80 }),
            GifFormat => ("gif", new GifEncoder()),
            _ => ("", null),
        };
        if (encoder is null) return ImageIntakeResult.Refused("This file is not a JPEG, PNG, WebP or GIF image, whatever its name says.");

        IImageInfo? info;
        try { info = Image.Identify(bytes); }
        catch (Exception e) when (e is ImageFormatException or InvalidImageContentException or NotSupportedException) { info = null; }
        if (info is null) return ImageIntakeResult.Refused("The image is damaged and cannot be read.");
        if ((long)info.Width * info.Height > MaxPixels)
            return ImageIntakeResult.Refused($"The image is {info.Width}×{info.Height} pixels; at most {MaxPixels / 1_000_000} megapixels are accepted. Scale it down and upload it again.");

        Image image;
        try { image = Image.Load(bytes); }
        catch (Exception e) when (e is ImageFormatException or InvalidImageContentException or NotSupportedException)
        {
            return ImageIntakeResult.Refused("The image is damaged and cannot be read.");
        }
        using (image)
        {
            // Turned upright first: once the EXIF orientation is stripped, nothing else would turn it.
            image.Mutate(x => x.AutoOrient());
            Strip(image);
            var now = clock.GetUtcNow().UtcDateTime;
            var folder = $"uploads/{now:yyyy}/{now:MM}";
            Directory.CreateDirectory(Path.Combine(options.MediaPath, folder));
            var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            var widths = ResponsiveImage.WidthsFor(image.Width);
            foreach (var width in widths)
            {
                using var copy = width == image.Width ? image.Clone(_ => { }) : image.Clone(x => x.Resize(width, 0));
                copy.Save(Path.Combine(options.MediaPath, folder, ResponsiveImage.FileName(key, width, extension)), encoder);
            }
            var largest = widths[^1];
            return ImageIntakeResult.Saved($"/media/{folder}/{ResponsiveImage.FileName(key, largest, extension)}",
                format!.Name, image.Width, image.Height);
        }
    }

    private static void Strip(Image image)
    {
        image.Metadata.ExifProfile = null;
        image.Metadata.IptcProfile = null;
        image.Metadata.XmpProfile = null;
        foreach (var frame in image.Frames)
        {
            frame.Metadata.ExifProfile = null;
            frame.Metadata.IptcProfile = null;
            frame.Metadata.XmpProfile = null;
        }
    }

    private static string Megabytes(long bytes) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.#} MB");
}

/// <summary>Either the public path of the largest rendition, or why the file was refused.</summary>
public sealed record ImageIntakeResult(string? Path, string? Error, string Format, int Width, int Height)
{
    public static ImageIntakeResult Saved(string path, string format, int width, int height) => new(path, null, format, width, height);
    public static ImageIntakeResult Refused(string error) => new(null, error, "", 0, 0);
}
