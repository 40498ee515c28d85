namespace Broadsheet.Infrastructure.Media;

/// <summary>
/// Walks a GIF's blocks without decoding a pixel, to count its frames and to tell a whole file from
/// a damaged one: libvips' GIF reader draws what it can of a truncated file or of a frame of zero size
/// and only warns, where the newsroom wants such a file sent back.
/// </summary>
internal static class GifBlocks
{
    /// <summary>The number of frames, or null if the file is cut short, has an empty frame or an unknown block.</summary>
    public static int? CountFrames(ReadOnlySpan<byte> gif)
    {
        if (gif.Length < 13) return null;
        var at = 13 + ColourTable(gif[10]);
        var frames = 0;
        while (at < gif.Length)
        {
            switch (gif[at])
            {
                case 0x3B:
                    return frames > 0 ? frames : null;
                case 0x21:
                    at = SkipSubBlocks(gif, at + 2);
                    break;
                case 0x2C when at + 10 <= gif.Length:
                    if (gif[at + 5] == 0 && gif[at + 6] == 0 || gif[at + 7] == 0 && gif[at + 8] == 0) return null;
                    at = SkipSubBlocks(gif, at + 10 + ColourTable(gif[at + 9]) + 1);
                    frames++;
                    break;
                default:
                    return null;
            }
            if (at < 0) return null;
        }
        return null;
    }

    private static int ColourTable(byte flags) => (flags & 0x80) != 0 ? 3 << ((flags & 7) + 1) : 0;

    /// <summary>The position after a run of data sub-blocks and its terminator, or -1 if the file ends first.</summary>
    private static int SkipSubBlocks(ReadOnlySpan<byte> gif, int at)
    {
        while (at < gif.Length)
        {
            var length = gif[at];
            if (length == 0) return at + 1;
            at += length + 1;
        }
        return -1;
    }
}
