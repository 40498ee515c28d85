using System.Globalization;
using System.Security.Cryptography;
using NetVips;

namespace Broadsheet.Infrastructure.Media;

/// <summary>
/// Takes an uploaded picture in: recognises it by its bytes (never its name or declared type),
/// refuses from its header alone what would cost too much to decode, then saves it at each of
/// <see cref="ResponsiveImage.Widths"/> with all metadata but the colour profile removed
/// (EXIF with the camera, GPS position and owner; XMP; IPTC; PNG text chunks; GIF comments),
/// and a WebP of each beside it (see <see cref="ResponsiveImage.WebPSrcSet"/>).
/// An animation (GIF or WebP) is kept as a still of its first frame: covers and teasers are stills,
/// and re-encoding every frame of an animation at three widths costs seconds of CPU per upload
/// (measured figures in docs/features/media.md).
/// </summary>
public sealed class ImageIntake(BroadsheetOptions options, TimeProvider clock)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>
    /// 40 megapixels, counted over all frames: any camera's photo fits, and a decode stays bounded.
    /// The check reads only the header, so a tiny file that claims 100000×100000 pixels, or twelve
    /// frames of 5000×5000, is refused unopened.
    /// </summary>
    public const long MaxPixels = 40_000_000;

    /// <summary>Frames an animation may have; a GIF of thousands of empty frames is cheap to send and slow to scan.</summary>
    public const int MaxFrames = 100;

    /// <summary>Past this, decoding and encoding are stopped and the upload is refused; a normal 24-megapixel photo takes about a second.</summary>
    public TimeSpan DecodeTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Widest box libvips accepts (VIPS_MAX_COORD): with it as the height, only the width limits a rendition.</summary>
    private const int Unbounded = 10_000_000;

    /// <summary>
    /// At most two pictures are decoded at once in the process (libvips and its memory are process-wide),
    /// so twenty authors uploading together cost two decodes of memory, not twenty.
    /// </summary>
    private static readonly SemaphoreSlim Decoding = new(2);

    private const string Damaged = "The image is damaged and cannot be read.";

    public async Task<ImageIntakeResult> AcceptAsync(byte[] bytes, CancellationToken ct)
    {
        if (bytes.Length == 0) return ImageIntakeResult.Refused("The file is empty.");
        if (bytes.Length > MaxBytes) return ImageIntakeResult.Refused($"The file is {Megabytes(bytes.Length)}; at most {Megabytes(MaxBytes)} are accepted.");
        if (PictureFormat.Recognise(bytes) is not { } format)
            return ImageIntakeResult.Refused("This file is not a JPEG, PNG, WebP or GIF image, whatever its name says.");

        Libvips.Configure();
        if (Header.Read(bytes) is not { Width: > 0, Height: > 0 } header) return ImageIntakeResult.Refused(Damaged);
        if (format == PictureFormat.Gif)
        {
            if (GifBlocks.CountFrames(bytes) is not { } frames) return ImageIntakeResult.Refused(Damaged);
            header = header with { Frames = Math.Max(header.Frames, frames) };
        }
        if (header.Frames > MaxFrames)
            return ImageIntakeResult.Refused($"The animation has {header.Frames} frames; at most {MaxFrames} are accepted.");
        if ((long)header.Width * header.Height > MaxPixels)
            return ImageIntakeResult.Refused($"The image is {header.Width}×{header.Height} pixels; at most {MaxPixels / 1_000_000} megapixels are accepted. Scale it down and upload it again.");
        if ((long)header.Width * header.Height * header.Frames > MaxPixels)
            return ImageIntakeResult.Refused($"The animation's {header.Frames} frames of {header.Width}×{header.Height} pixels add up to more than {MaxPixels / 1_000_000} megapixels. Make it smaller or shorter and upload it again.");

        await Decoding.WaitAsync(ct);
        try { return Save(bytes, format, header, ct); }
        finally { Decoding.Release(); }
    }

    private ImageIntakeResult Save(byte[] bytes, PictureFormat format, Header header, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(DecodeTimeout);
        // The timer behind CancelAfter fires on the thread pool, which a busy node can leave waiting
        // past the whole decode; the elapsed time checked between renditions does not depend on it.
        var started = clock.GetTimestamp();
        bool Overdue() => deadline.IsCancellationRequested || clock.GetElapsedTime(started) > DecodeTimeout;
        var (width, height) = header.Upright;
        var widths = ResponsiveImage.WidthsFor(width);
        var now = clock.GetUtcNow().UtcDateTime;
        var folder = $"uploads/{now:yyyy}/{now:MM}";
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var written = new List<string>();
        try
        {
            // One decode (shrunk on load where the format allows it, turned upright by its EXIF
            // orientation, first frame only); the smaller renditions are drawn from it in memory.
            // fail_on goes in the loader's options: thumbnail's own failOn argument does not reach the loader (libvips 8.18).
            using var largest = NetVips.Image.ThumbnailBuffer(bytes, widths[^1], optionString: "[fail_on=truncated]", height: Unbounded, size: Enums.Size.Down);
            largest.SetProgress(new Progress<int>(), deadline.Token);
            using var decoded = largest.CopyMemory();
            Directory.CreateDirectory(Path.Combine(options.MediaPath, folder));
            foreach (var w in widths)
            {
                if (Overdue()) throw new OperationCanceledException(deadline.Token);
                using var rendition = w == decoded.Width ? decoded.Copy() : decoded.ThumbnailImage(w, height: Unbounded, size: Enums.Size.Down);
                rendition.SetProgress(new Progress<int>(), deadline.Token);
                var path = Path.Combine(options.MediaPath, folder, ResponsiveImage.FileName(key, w, format.Extension));
                written.Add(path);
                rendition.WriteToFile(path, Encoding(format));
                if (format == PictureFormat.WebP) continue;
                // A WebP beside each rendition, offered first in <picture>: about a third of a JPEG's bytes at the same look
                // (figures in docs/PERFORMANCE.md). The original format stays for browsers without WebP and for feeds.
                var webp = Path.ChangeExtension(path, PictureFormat.WebP.Extension);
                written.Add(webp);
                rendition.WriteToFile(webp, Encoding(PictureFormat.WebP));
            }
            return ImageIntakeResult.Saved($"/media/{folder}/{ResponsiveImage.FileName(key, widths[^1], format.Extension)}",
                format.Name, width, height, header.Frames);
        }
        catch (Exception e) when (e is VipsException or OperationCanceledException)
        {
            foreach (var path in written) File.Delete(path);
            ct.ThrowIfCancellationRequested();
            return ImageIntakeResult.Refused(Overdue()
                ? $"The image took longer than {DecodeTimeout.TotalSeconds:0} seconds to process and was set aside. Save it again from an image editor and upload that copy."
                : Damaged);
        }
    }

    /// <summary>
    /// What each format is saved with. <c>keep: Icc</c> drops every piece of metadata but the colour
    /// profile, which the picture's colours depend on.
    /// </summary>
    private static VOption Encoding(PictureFormat format)
    {
        var encoding = new VOption { { "keep", Enums.ForeignKeep.Icc } };
        if (format == PictureFormat.Jpeg) { encoding.Add("Q", 82); encoding.Add("optimize_coding", true); }
        else if (format == PictureFormat.Png) encoding.Add("compression", 9);
        else if (format == PictureFormat.WebP) encoding.Add("Q", 80);
        return encoding;
    }

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.#} MB");

    /// <summary>What the file says about itself before a pixel is decoded.</summary>
    private sealed record Header(int Width, int Height, int Frames, int Orientation)
    {
        /// <summary>Width and height once turned upright: EXIF orientations 5 to 8 are quarter turns.</summary>
        public (int Width, int Height) Upright => Orientation is >= 5 and <= 8 ? (Height, Width) : (Width, Height);

        public static Header? Read(byte[] bytes)
        {
            try
            {
                // Opening reads the header only; pixels are decoded when something asks for them.
                using var image = NetVips.Image.NewFromBuffer(bytes, access: Enums.Access.Sequential);
                return new Header(image.Width, image.Height,
                    image.Contains("n-pages") ? Convert.ToInt32(image.Get("n-pages"), CultureInfo.InvariantCulture) : 1,
                    image.Contains("orientation") ? Convert.ToInt32(image.Get("orientation"), CultureInfo.InvariantCulture) : 1);
            }
            catch (VipsException)
            {
                return null;
            }
        }
    }
}
