using System.Diagnostics;
using System.Net;
using System.Text;
using Broadsheet.Features.Accounts;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Broadsheet.Tests.Newsroom.HostileImages;

namespace Broadsheet.Tests.Newsroom;

/// <summary>
/// A corpus of hostile uploads, each crafted at test time: every one is either refused with a
/// message (the form again, never a 500) or accepted with nothing kept but pixels and the colour
/// profile, and each answers within a bound of time.
/// </summary>
public sealed class HostileUploadTests : IDisposable
{
    private readonly BroadsheetApp app = new();

    public void Dispose() => app.Dispose();

    private const string Damaged = "The image is damaged and cannot be read.";
    private const string NotAPicture = "This file is not a JPEG, PNG, WebP or GIF image, whatever its name says.";

    /// <param name="Refusal">What the form says, in part; null when the upload is accepted.</param>
    /// <param name="Secrets">Text the upload carries that no stored file may.</param>
    /// <param name="Within">How long the answer may take: refusals from the header take milliseconds.</param>
    private sealed record Hostile(byte[] Bytes, string FileName, string ContentType, string? Refusal, string[] Secrets, TimeSpan Within, bool KeepsProfile = false);

    // Generous for a loaded 2-core machine running the whole suite (header refusals take milliseconds
    // alone; ImageSharp spent 14 s on the frame bomb when idle), and above the 20-second decode deadline.
    private static readonly TimeSpan FromHeader = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Decoded = TimeSpan.FromSeconds(30);

    private static Hostile Refused(byte[] bytes, string name, string type, string refusal, TimeSpan? within = null) =>
        new(bytes, name, type, refusal, [], within ?? FromHeader);

    private static Hostile Accepted(byte[] bytes, string name, string type, params string[] secrets) =>
        new(bytes, name, type, null, secrets, Decoded);

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static readonly Dictionary<string, Func<Hostile>> Corpus = new()
    {
        // Frame bombs: the cost is in the frames, not in the file.
        ["gif frame bomb: 12 frames of 5000×5000 in 200 KB"] = () => Refused(Gif(5000, 5000, 5000, 5000, 12), "bomb.gif", "image/gif",
            "The animation's 12 frames of 5000×5000 pixels add up to more than 40 megapixels"),
        ["gif of 5000 one-pixel frames"] = () => Refused(Gif(1, 1, 1, 1, 5000), "many.gif", "image/gif", "The animation has 5000 frames; at most 100 are accepted."),
        // libnsgif ignores a logical screen this absurd and sizes the picture by its frames.
        ["gif with a 65535×65535 logical screen and one small frame"] = () => Accepted(Gif(65535, 65535, 10, 10, 1), "screen.gif", "image/gif"),
        ["gif whose frame is far larger than its screen"] = () => Refused(Gif(10, 10, 8000, 8000, 1), "frame.gif", "image/gif", "8000×8000"),
        ["webp animation of 101 frames"] = () => Refused(AnimatedWebp(16, 101), "many.webp", "image/webp", "The animation has 101 frames; at most 100 are accepted."),
        ["webp animation of 3 small frames on a 5000×5000 canvas"] = () => Refused(AnimatedWebp(16, 3, canvas: 5000), "canvas.webp", "image/webp",
            "The animation's 3 frames of 5000×5000 pixels add up to more than 40 megapixels"),
        ["webp animation of one small frame on a 16383×16383 canvas"] = () => Refused(AnimatedWebp(16, 2, canvas: 16383), "canvas.webp", "image/webp",
            "The image is 16383×16383 pixels"),

        // Headers that lie about the size.
        ["png of width 0"] = () => Refused(PngClaiming(0, 100), "zero.png", "image/png", Damaged),
        ["png of height 0"] = () => Refused(PngClaiming(100, 0), "zero.png", "image/png", Damaged),
        ["png claiming 100000×100000"] = () => Refused(PngClaiming(100_000, 100_000), "huge.png", "image/png", "The image is 100000×100000 pixels"),
        ["png claiming 2147483647×1"] = () => Refused(PngClaiming(int.MaxValue, 1), "wide.png", "image/png", Damaged),
        ["jpeg of height 0"] = () => Refused(JpegClaiming(100, 0), "zero.jpg", "image/jpeg", Damaged),
        ["jpeg claiming 65500×65500"] = () => Refused(JpegClaiming(65500, 65500), "huge.jpg", "image/jpeg", "The image is 65500×65500 pixels"),
        ["gif of width 0"] = () => Refused(Gif(0, 0, 0, 0, 1), "zero.gif", "image/gif", Damaged),
        ["gif of 100×100 whose only frame is 0×0"] = () => Refused(Gif(100, 100, 0, 0, 1), "zero.gif", "image/gif", Damaged),
        ["gif without its trailer"] = () => Refused(Gif(100, 100, 100, 100, 1)[..^1], "cut.gif", "image/gif", Damaged),
        ["webp whose header claims 16384×16384 over one pixel of data"] = () => Refused(WebpClaiming(16384, 16384), "huge.webp", "image/webp", Damaged),

        // Truncated files.
        ["jpeg cut in half"] = () => Refused(Half(Plain("jpg", 800, 600, noise: true)), "half.jpg", "image/jpeg", Damaged, Decoded),
        ["png cut in half"] = () => Refused(Half(Plain("png", 800, 600, noise: true)), "half.png", "image/png", Damaged, Decoded),
        ["gif cut in half"] = () => Refused(Half(Gif(800, 600, 800, 600, 1)), "half.gif", "image/gif", Damaged, Decoded),
        ["webp cut in half"] = () => Refused(Half(Plain("webp", 800, 600, noise: true)), "half.webp", "image/webp", Damaged, Decoded),
        ["png signature alone"] = () => Refused(Plain("png", 4, 4)[..8], "sig.png", "image/png", Damaged),
        ["jpeg start-of-image alone"] = () => Refused([0xFF, 0xD8, 0xFF], "soi.jpg", "image/jpeg", Damaged),

        // Decompression bombs: tiny files, huge pixels.
        ["png bomb of 7000×7000 in a few KB"] = () => Refused(PngBomb(7000), "bomb.png", "image/png", "The image is 7000×7000 pixels"),
        ["gif bomb of 7000×7000 in one frame"] = () => Refused(Gif(7000, 7000, 7000, 7000, 1), "bomb.gif", "image/gif", "The image is 7000×7000 pixels"),
        ["png with a zTXt chunk inflating to 200 MB"] = () => Accepted(PngWithTextBomb(), "text.png", "image/png"),
        ["png of 6000×6000 just under the limit is decoded within bounds"] = () => Accepted(PngBomb(6000), "under.png", "image/png"),

        // Polyglots: a picture that is also a script or a page; the script never reaches the stored file.
        ["gif that is also javascript"] = () => Accepted(Gif(10799, 10, 10799, 10, 1, Ascii("*/=alert(document.cookie);//")), "polyglot.gif", "image/gif", "alert("),
        ["jpeg with an html page appended"] = () => Accepted([.. Plain("jpg", 600, 400), .. Ascii("<html><script>alert(1)</script></html>")], "page.jpg", "image/jpeg", "<script"),
        ["png with an html page after its end"] = () => Accepted([.. Plain("png", 600, 400), .. Ascii("<html><script>alert(1)</script></html>")], "page.png", "image/png", "<script"),
        ["png with php in a text chunk"] = () => Accepted(PngWith(Plain("png", 600, 400), ("tEXt", Ascii("Comment\0<?php system($_GET['c']); ?>"))), "shell.png", "image/png", "<?php"),
        ["jpeg whose colour profile is an html page"] = () => Accepted(JpegWithFakeProfile("<html><script>alert(1)</script></html>" + new string(' ', 2000)), "profile.jpg", "image/jpeg", "<script"),
        ["html with a gif signature"] = () => Refused(Ascii("GIF89a<html><script>alert(1)</script></html>"), "page.gif", "image/gif", Damaged),

        // Other things dressed as pictures.
        ["svg with a script named .png"] = () => Refused(Ascii("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'><rect width='10' height='10'/></svg>"), "logo.png", "image/png", NotAPicture),
        ["svg declared as svg"] = () => Refused(Ascii("<?xml version='1.0'?><svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>"), "logo.svg", "image/svg+xml", NotAPicture),
        ["html page named .jpg"] = () => Refused(Ascii("<!doctype html><title>x</title><script>alert(1)</script>"), "photo.jpg", "image/jpeg", NotAPicture),
        ["pdf named .png"] = () => Refused(Ascii("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF"), "scan.png", "image/png", NotAPicture),
        ["tiff named .jpg"] = () => Refused(Plain("tif", 10, 10), "photo.jpg", "image/jpeg", NotAPicture),

        // Metadata carriers: accepted, and nothing but the pixels and the colour profile survives.
        ["jpeg with exif gps, xmp, iptc and a comment"] = () => Accepted(WithMetadata("jpg", Plain("jpg", 1200, 800)), "gps.jpg", "image/jpeg", Artist, XmpCreator, IptcByline, Comment),
        ["jpeg with exif gps and an sRGB profile"] = () => Accepted(WithMetadata("jpg", Plain("jpg", 1200, 800, profile: true)), "gps.jpg", "image/jpeg", Artist, XmpCreator) with { KeepsProfile = true },
        ["png with tEXt, zTXt, iTXt xmp and eXIf gps"] = () => Accepted(WithMetadata("png", Plain("png", 1200, 800)), "text.png", "image/png", PngText, XmpCreator, Artist),
        ["png with text chunks and an sRGB profile"] = () => Accepted(WithMetadata("png", Plain("png", 1200, 800, profile: true)), "text.png", "image/png", PngText, XmpCreator) with { KeepsProfile = true },
        ["gif with a comment and xmp"] = () => Accepted(WithMetadata("gif", Plain("gif", 1200, 800)), "comment.gif", "image/gif", Comment, XmpCreator),
        ["webp with exif gps and xmp"] = () => Accepted(WithMetadata("webp", Plain("webp", 1200, 800)), "gps.webp", "image/webp", Artist, XmpCreator),
    };

    public static TheoryData<string> Cases => [.. Corpus.Keys];

    private static byte[] Half(byte[] bytes) => bytes[..(bytes.Length / 2)];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_hostile_upload_is_refused_with_a_message_or_kept_without_its_payload(string name)
    {
        var hostile = Corpus[name]();
        foreach (var secret in hostile.Secrets)
            Assert.True(Carries(hostile.Bytes, secret), $"the crafted file does not carry {secret}");
        var author = await app.SignedInAsync(StaffRoles.Author);

        var clock = Stopwatch.StartNew();
        using var response = await MediaUploadTests.UploadAsync(author, hostile.Bytes, hostile.FileName, hostile.ContentType);
        clock.Stop();

        Assert.True(clock.Elapsed < hostile.Within, $"answered in {clock.Elapsed.TotalSeconds:0.0} s");
        if (hostile.Refusal is { } refusal)
        {
            Assert.Contains(refusal, await MediaUploadTests.ErrorOfAsync(response));
            Assert.Equal(0, await app.WithDbAsync(db => db.Media.CountAsync()));
            Assert.Empty(StoredFiles());
            return;
        }
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Media.CountAsync()));
        var stored = StoredFiles();
        Assert.NotEmpty(stored);
        foreach (var file in stored)
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var secret in hostile.Secrets) Assert.False(Carries(bytes, secret), $"{Path.GetFileName(file)} still carries {secret}");
            using var image = NetVips.Image.NewFromBuffer(bytes);
            Assert.Empty(MetadataFields(image));
            Assert.Equal(hostile.KeepsProfile, image.Contains("icc-profile-data"));
        }
    }

    [Fact]
    public async Task A_photo_turned_by_its_exif_is_stored_upright_without_the_exif()
    {
        var turned = JpegWith(Plain("jpg", 1200, 800), Segment(0xE1, [.. "Exif\0\0"u8, .. Exif(orientation: 6)]));
        var author = await app.SignedInAsync(StaffRoles.Author);

        using var response = await MediaUploadTests.UploadAsync(author, turned, "turned.jpg");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var item = await app.WithDbAsync(db => db.Media.SingleAsync());
        Assert.Equal((800, 1200), (item.Width, item.Height));
        using var largest = NetVips.Image.NewFromFile(Path.Combine(app.DataDirectory, "media", item.Path["/media/".Length..]));
        Assert.Equal((800, 1200), (largest.Width, largest.Height));
        Assert.Empty(MetadataFields(largest));
    }

    [Fact]
    public async Task An_animated_gif_within_the_limits_is_kept_as_a_still_of_its_first_frame()
    {
        var author = await app.SignedInAsync(StaffRoles.Author);

        using var response = await MediaUploadTests.UploadAsync(author, Gif(640, 360, 640, 360, 24), "reaction.gif", "image/gif");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var library = await author.GetDocumentAsync("/newsroom/media");
        Assert.Equal("Uploaded: 640×360 GIF, an animation of 24 frames kept as a still of its first.", library.QuerySelector(".desk__notice")!.TextContent.Trim());
        var item = await app.WithDbAsync(db => db.Media.SingleAsync());
        Assert.Equal((640, 360, "GIF"), (item.Width, item.Height, item.Format));
        var stored = StoredFiles();
        // 480 and 640 pixels wide, each in its own format and as WebP: all of them stills.
        Assert.Equal(4, stored.Count);
        Assert.Equal(2, stored.Count(f => f.EndsWith(".webp", StringComparison.Ordinal)));
        foreach (var file in stored)
        {
            using var still = NetVips.Image.NewFromFile(file, kwargs: new NetVips.VOption { { "n", -1 } });
            Assert.Equal(1, still.Contains("n-pages") ? (int)still.Get("n-pages") : 1);
        }
    }

    private List<string> StoredFiles()
    {
        var uploads = Path.Combine(app.DataDirectory, "media", "uploads");
        return Directory.Exists(uploads) ? [.. Directory.EnumerateFiles(uploads, "*", SearchOption.AllDirectories)] : [];
    }

    private static bool Carries(byte[] bytes, string text) => bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(text)) >= 0;
}
