using NetVips;

namespace Broadsheet.Infrastructure.Media;

/// <summary>
/// Process-wide libvips settings, applied once before the first picture is opened.
/// libvips can read dozens of formats (SVG, PDF, TIFF, HEIF…); each is code a hostile file could
/// reach, so every loader is blocked but the four the newsroom accepts. Its operation cache is off:
/// it would keep recent uploads' buffers and pixels alive for nothing, as no picture is opened twice.
/// </summary>
internal static class Libvips
{
    private static readonly Lazy<bool> Configured = new(() =>
    {
        Operation.Block("VipsForeignLoad", true);
        foreach (var loader in new[] { "VipsForeignLoadJpeg", "VipsForeignLoadPng", "VipsForeignLoadWebp", "VipsForeignLoadNsgif" })
            Operation.Block(loader, false);
        Cache.Max = 0;
        return true;
    });

    public static void Configure() => _ = Configured.Value;
}
