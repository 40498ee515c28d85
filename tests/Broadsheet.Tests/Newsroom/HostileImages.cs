using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using NetVips;

namespace Broadsheet.Tests.Newsroom;

/// <summary>
/// Pictures crafted byte by byte at test time: bombs, lying headers, truncations, polyglots and
/// metadata carriers. Nothing binary is committed; each is a few lines of the format's spec.
/// </summary>
public static class HostileImages
{
    public const string Artist = "Secret Photographer";
    public const string XmpCreator = "Secret XMP Author";
    public const string IptcByline = "Secret IPTC Byline";
    public const string Comment = "Secret comment";
    public const string PngText = "Secret PNG text";

    private static readonly string Xmp =
        "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>" +
        $"<rdf:Description xmlns:dc='http://purl.org/dc/elements/1.1/' dc:creator='{XmpCreator}'/></rdf:RDF></x:xmpmeta>";

    /// <summary>A plain red picture encoded by libvips; <paramref name="profile"/> embeds the sRGB colour profile.</summary>
    public static byte[] Plain(string extension, int width, int height, bool profile = false, bool noise = false)
    {
        using var black = NetVips.Image.Black(width, height, 3);
        using var noiseOrRed = noise ? NetVips.Image.Gaussnoise(width, height, 128, 30) : NetVips.Image.Black(1, 1);
        using var coloured = noise ? black + noiseOrRed : black + new double[] { 200, 40, 40 };
        using var image = coloured.Cast(Enums.BandFormat.Uchar);
        var options = new VOption();
        if (profile) options.Add("profile", "srgb");
        // Without metadata, a lossless WebP is the simple kind: one VP8L chunk right after the RIFF header.
        if (extension == "webp") { options.Add("lossless", true); options.Add("keep", Enums.ForeignKeep.None); }
        return image.WriteToBuffer("." + extension, options);
    }

    /// <summary>The same picture carrying every kind of metadata its format can hold.</summary>
    public static byte[] WithMetadata(string extension, byte[] picture) => extension switch
    {
        "jpg" => JpegWith(picture,
            Segment(0xE1, [.. "Exif\0\0"u8, .. Exif()]),
            Segment(0xE1, [.. "http://ns.adobe.com/xap/1.0/\0"u8, .. Encoding.ASCII.GetBytes(Xmp)]),
            Segment(0xED, Iptc()),
            Segment(0xFE, Encoding.ASCII.GetBytes(Comment))),
        "png" => PngWith(picture,
            ("tEXt", [.. "Comment\0"u8, .. Encoding.ASCII.GetBytes(PngText)]),
            ("zTXt", [.. "Description\0\0"u8, .. Deflate(Encoding.ASCII.GetBytes(Comment))]),
            ("iTXt", [.. "XML:com.adobe.xmp\0\0\0\0\0"u8, .. Encoding.ASCII.GetBytes(Xmp)]),
            ("eXIf", Exif())),
        "gif" => GifWith(picture, Encoding.ASCII.GetBytes(Comment), Encoding.ASCII.GetBytes(Xmp)),
        "webp" => WebpWithMetadata(picture),
        _ => throw new ArgumentOutOfRangeException(nameof(extension)),
    };

    /// <summary>The names of the metadata a decoded picture still carries, other than its colour profile.</summary>
    public static List<string> MetadataFields(NetVips.Image image) =>
        [.. image.GetFields().Where(f => f.StartsWith("exif-", StringComparison.Ordinal) || f.StartsWith("png-comment-", StringComparison.Ordinal) ||
            f is "xmp-data" or "iptc-data" or "gif-comment" or "jpeg-comment" or "orientation" || f.Contains("comment", StringComparison.Ordinal))];

    // ---- EXIF, XMP, IPTC ----

    /// <summary>A little-endian TIFF block: IFD0 with the photographer and orientation, and a GPS IFD placing the picture in Moscow.</summary>
    public static byte[] Exif(int orientation = 1)
    {
        var artist = Encoding.ASCII.GetBytes(Artist + "\0");
        var ifd0 = 8;
        var artistAt = ifd0 + 2 + 3 * 12 + 4;
        var gpsAt = artistAt + artist.Length + (artist.Length % 2);
        var rationalsAt = gpsAt + 2 + 4 * 12 + 4;
        var b = new byte[rationalsAt + 48];
        "II"u8.CopyTo(b);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(4), (uint)ifd0);
        var at = ifd0;
        void Entry(ushort tag, ushort type, uint count, uint value)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(at), tag);
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(at + 2), type);
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(at + 4), count);
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(at + 8), value);
            at += 12;
        }
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(at), 3);
        at += 2;
        Entry(0x0112, 3, 1, (uint)orientation);
        Entry(0x013B, 2, (uint)artist.Length, (uint)artistAt);
        Entry(0x8825, 4, 1, (uint)gpsAt);
        artist.CopyTo(b, artistAt);
        at = gpsAt;
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(at), 4);
        at += 2;
        Entry(1, 2, 2, 'N');
        Entry(2, 5, 3, (uint)rationalsAt);
        Entry(3, 2, 2, 'E');
        Entry(4, 5, 3, (uint)rationalsAt + 24);
        uint[] degrees = [55, 1, 45, 1, 2148, 100, 37, 1, 37, 1, 1800, 100];
        for (var i = 0; i < degrees.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(rationalsAt + 4 * i), degrees[i]);
        return b;
    }

    private static byte[] Iptc()
    {
        var byline = Encoding.ASCII.GetBytes(IptcByline);
        byte[] record = [0x1C, 0x02, 0x50, 0, (byte)byline.Length, .. byline];
        if (record.Length % 2 == 1) record = [.. record, 0];
        var size = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(size, record.Length);
        return [.. "Photoshop 3.0\0"u8, .. "8BIM"u8, 0x04, 0x04, 0, 0, .. size, .. record];
    }

    // ---- JPEG ----

    public static byte[] Segment(byte marker, byte[] data)
    {
        var length = data.Length + 2;
        return [0xFF, marker, (byte)(length >> 8), (byte)length, .. data];
    }

    /// <summary>Segments inserted right after the start-of-image marker.</summary>
    public static byte[] JpegWith(byte[] jpeg, params byte[][] segments) => [.. jpeg[..2], .. segments.SelectMany(s => s), .. jpeg[2..]];

    /// <summary>A JPEG whose APP2 "colour profile" is an HTML page, not a profile.</summary>
    public static byte[] JpegWithFakeProfile(string page) =>
        JpegWith(Plain("jpg", 800, 600), Segment(0xE2, [.. "ICC_PROFILE\0"u8, 1, 1, .. Encoding.ASCII.GetBytes(page)]));

    /// <summary>A baseline JPEG whose frame header is rewritten to claim <paramref name="width"/>×<paramref name="height"/>.</summary>
    public static byte[] JpegClaiming(int width, int height)
    {
        var jpeg = Plain("jpg", 16, 16);
        for (var i = 2; i < jpeg.Length - 9; i++)
        {
            if (jpeg[i] != 0xFF || jpeg[i + 1] is not (0xC0 or 0xC1 or 0xC2)) continue;
            BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(i + 5), (ushort)height);
            BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(i + 7), (ushort)width);
            return jpeg;
        }
        throw new InvalidOperationException("No frame header in the JPEG");
    }

    // ---- PNG ----

    /// <summary>Chunks inserted right after the header chunk.</summary>
    public static byte[] PngWith(byte[] png, params (string Type, byte[] Data)[] chunks)
    {
        var output = new MemoryStream();
        output.Write(png, 0, 33);
        foreach (var (type, data) in chunks) Chunk(output, type, data);
        output.Write(png, 33, png.Length - 33);
        return output.ToArray();
    }

    /// <summary>A well-formed PNG whose header claims <paramref name="width"/>×<paramref name="height"/> pixels and whose data is a few bytes.</summary>
    public static byte[] PngClaiming(int width, int height) =>
        Png(width, height, bitDepth: 8, colourType: 2, idat: [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);

    /// <summary>
    /// A real decompression bomb: a one-bit grey PNG of <paramref name="size"/>² pixels, all black,
    /// whose rows deflate to almost nothing (7000² pixels in about 6 KB).
    /// </summary>
    public static byte[] PngBomb(int size)
    {
        var row = size / 8 + 1;
        using var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[row];
            for (var y = 0; y < size; y++) z.Write(zeros);
        }
        return Png(size, size, bitDepth: 1, colourType: 0, idat: raw.ToArray());
    }

    /// <summary>A small PNG with a zTXt chunk of 200 KB that inflates to 200 MB of zeros.</summary>
    public static byte[] PngWithTextBomb()
    {
        using var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 200; i++) z.Write(zeros);
        }
        return PngWith(Plain("png", 100, 100), ("zTXt", [.. "Comment\0\0"u8, .. raw.ToArray()]));
    }

    private static byte[] Png(int width, int height, byte bitDepth, byte colourType, byte[] idat)
    {
        var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = bitDepth;
        header[9] = colourType;
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", idat);
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    private static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var z = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true)) z.Write(data);
        return output.ToArray();
    }

    // ---- GIF ----

    /// <summary>
    /// A GIF89a of <paramref name="frames"/> identical frames of <paramref name="frameWidth"/>×<paramref name="frameHeight"/>
    /// on a logical screen of <paramref name="screenWidth"/>×<paramref name="screenHeight"/>. A frame of one colour
    /// compresses to about a thousandth of its pixels, so twelve frames of 5000×5000 fit in 200 KB.
    /// </summary>
    public static byte[] Gif(int screenWidth, int screenHeight, int frameWidth, int frameHeight, int frames, byte[]? trailer = null)
    {
        var s = new MemoryStream();
        s.Write("GIF89a"u8);
        Le16(s, screenWidth);
        Le16(s, screenHeight);
        s.Write([0xF1, 0, 0, 200, 40, 40, 40, 40, 200, 255, 255, 255, 0, 0, 0]);
        if (frames > 1) s.Write([0x21, 0xFF, 11, .. "NETSCAPE2.0"u8, 3, 1, 0, 0, 0]);
        var data = Lzw(2, (long)frameWidth * frameHeight);
        for (var f = 0; f < frames; f++)
        {
            s.Write([0x21, 0xF9, 4, 0, 10, 0, 0, 0, 0x2C, 0, 0, 0, 0]);
            Le16(s, frameWidth);
            Le16(s, frameHeight);
            s.WriteByte(0);
            s.Write(data);
        }
        s.WriteByte(0x3B);
        if (trailer is not null) s.Write(trailer);
        return s.ToArray();
    }

    /// <summary>A comment extension and an XMP application extension inserted before the first frame.</summary>
    public static byte[] GifWith(byte[] gif, byte[] comment, byte[] xmp)
    {
        var tableSize = (gif[10] & 0x80) != 0 ? 3 << ((gif[10] & 7) + 1) : 0;
        var at = 13 + tableSize;
        return [.. gif[..at], 0x21, 0xFE, .. SubBlocks(comment), 0x21, 0xFF, 11, .. "XMP DataXMP"u8, .. SubBlocks(xmp), .. gif[at..]];
    }

    private static byte[] SubBlocks(byte[] data)
    {
        var s = new MemoryStream();
        for (var o = 0; o < data.Length; o += 255)
        {
            var n = Math.Min(255, data.Length - o);
            s.WriteByte((byte)n);
            s.Write(data, o, n);
        }
        s.WriteByte(0);
        return s.ToArray();
    }

    /// <summary>GIF LZW of <paramref name="count"/> pixels of colour 0, as sub-blocks after the minimum code size.</summary>
    private static byte[] Lzw(int minCodeSize, long count)
    {
        var output = new MemoryStream();
        int clear = 1 << minCodeSize, next = clear + 2, width = minCodeSize + 1;
        long bits = 0;
        var pending = 0;
        void Emit(int code)
        {
            bits |= (long)code << pending;
            pending += width;
            for (; pending >= 8; pending -= 8, bits >>= 8) output.WriteByte((byte)bits);
        }
        // A run of one colour: each code stands for one pixel more than the last, so only the run length matters.
        Emit(clear);
        var run = 0L;
        var length = 1;
        var code = 0;
        while (run + length <= count)
        {
            Emit(code);
            run += length;
            if (next < 4096)
            {
                code = next++;
                length++;
                if (next > (1 << width) && width < 12) width++;
            }
            else
            {
                Emit(clear);
                next = clear + 2;
                width = minCodeSize + 1;
                code = 0;
                length = 1;
            }
        }
        if (run < count)
        {
            // The rest is shorter than the next code's string; its own code is already in the table.
            var rest = (int)(count - run);
            Emit(rest == 1 ? 0 : clear + rest);
            if (next < 4096 && ++next > (1 << width) && width < 12) width++;
        }
        Emit(clear + 1);
        if (pending > 0) output.WriteByte((byte)bits);
        return [(byte)minCodeSize, .. SubBlocks(output.ToArray())];
    }

    private static void Le16(Stream s, int value)
    {
        s.WriteByte((byte)value);
        s.WriteByte((byte)(value >> 8));
    }

    // ---- WebP ----

    private static byte[] WebpWithMetadata(byte[] webp)
    {
        using var decoded = NetVips.Image.NewFromBuffer(webp);
        using var carrier = decoded.Mutate(m =>
        {
            m.Set(GValue.BlobType, "exif-data", (byte[])[.. "Exif\0\0"u8, .. Exif()]);
            m.Set(GValue.BlobType, "xmp-data", Encoding.ASCII.GetBytes(Xmp));
        });
        return carrier.WriteToBuffer(".webp", new VOption { { "lossless", true }, { "keep", Enums.ForeignKeep.All } });
    }

    /// <summary>A lossless WebP whose header claims <paramref name="width"/>×<paramref name="height"/> (at most 16384 each).</summary>
    public static byte[] WebpClaiming(int width, int height)
    {
        var webp = Plain("webp", 1, 1);
        if (!webp.AsSpan(12, 4).SequenceEqual("VP8L"u8) || webp[20] != 0x2F) throw new InvalidOperationException("Expected a simple lossless WebP");
        var bits = (uint)(width - 1) | (uint)(height - 1) << 14 | (BinaryPrimitives.ReadUInt32LittleEndian(webp.AsSpan(21)) & 0xF0000000u);
        BinaryPrimitives.WriteUInt32LittleEndian(webp.AsSpan(21), bits);
        return webp;
    }

    /// <summary>
    /// An animated WebP of <paramref name="frames"/> frames of <paramref name="size"/>² pixels, each a different grey
    /// (the encoder merges identical frames); with <paramref name="canvas"/>, its header then claims a canvas of that
    /// size, which every frame is drawn onto.
    /// </summary>
    public static byte[] AnimatedWebp(int size, int frames, int? canvas = null)
    {
        using var xyz = NetVips.Image.Xyz(size, size * frames);
        using var row = xyz[1];
        using var frameIndex = row / size;
        using var grey = frameIndex.Cast(Enums.BandFormat.Uchar);
        using var animated = grey.Mutate(m => m.Set(GValue.GIntType, "page-height", size));
        var webp = animated.WriteToBuffer(".webp", new VOption { { "lossless", true } });
        if (canvas is not { } side) return webp;
        if (!webp.AsSpan(12, 4).SequenceEqual("VP8X"u8)) throw new InvalidOperationException("Expected an extended WebP");
        for (var i = 0; i < 3; i++) webp[24 + i] = webp[27 + i] = (byte)((side - 1) >> (8 * i));
        return webp;
    }
}
