
namespace Broadsheet.Features.Demo;

/// <summary>
/// Pictures for the demo publication, drawn here rather than shipped or downloaded:
/// soft landscapes for figures and covers, portrait-like gradients for authors.
/// </summary>
public static class DemoImages
{
    public static void Landscape(string path, int seed, int width = 1200, int height = 675)
    {
        var rnd = new Random(seed);
        var sky = Hue(rnd.NextDouble(), 0.35, 0.85);
        var land = Hue(rnd.NextDouble(), 0.45, 0.45);
        var phase = rnd.NextDouble() * Math.PI * 2;
        var ridge = 0.45 + rnd.NextDouble() * 0.2;
        var freq = 2 + rnd.NextDouble() * 4;
        var image = new Canvas(width, height);
        for (var y = 0; y < height; y++)
        {
            var row = image.Row(y);
            var fy = (double)y / height;
            for (var x = 0; x < width; x++)
            {
                var fx = (double)x / width;
                var horizon = ridge + 0.08 * Math.Sin(fx * freq + phase) + 0.03 * Math.Sin(fx * freq * 3.7 + phase * 2);
                row[x] = fy < horizon
                    ? Mix(sky, new Rgb24(255, 255, 255), 0.6 * (1 - fy / horizon))
                    : Mix(land, new Rgb24(20, 30, 25), (fy - horizon) / (1 - horizon) * 0.7);
            }
        }
        image.Save(path);
    }

    public static void Portrait(string path, int seed, int size = 240)
    {
        var rnd = new Random(seed);
        var background = Hue(rnd.NextDouble(), 0.3, 0.8);
        var figure = Hue(rnd.NextDouble(), 0.35, 0.35);
        var image = new Canvas(size, size);
        for (var y = 0; y < size; y++)
        {
            var row = image.Row(y);
            for (var x = 0; x < size; x++)
            {
                double dx = x - size / 2.0, dyHead = y - size * 0.4, dyBody = y - size * 1.05;
                var head = dx * dx + dyHead * dyHead < Math.Pow(size * 0.2, 2);
                var body = dx * dx / 1.3 + dyBody * dyBody < Math.Pow(size * 0.45, 2);
                row[x] = head || body ? figure : Mix(background, new Rgb24(255, 255, 255), (double)y / size * 0.4);
            }
        }
        image.Save(path);
    }

    /// <summary>Pixels drawn row by row, then handed to libvips as they lie in memory.</summary>
    private sealed class Canvas(int width, int height)
    {
        private readonly Rgb24[] pixels = new Rgb24[width * height];

        public Span<Rgb24> Row(int y) => pixels.AsSpan(y * width, width);

        /// <summary>As JPEG at <paramref name="path"/>, and as its WebP twin beside it.</summary>
        public void Save(string path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var image = NetVips.Image.NewFromMemory(System.Runtime.InteropServices.MemoryMarshal.AsBytes(pixels.AsSpan()).ToArray(), width, height, 3, NetVips.Enums.BandFormat.Uchar);
            image.Jpegsave(path, q: 78);
            image.Webpsave(Path.ChangeExtension(path, "webp"), q: 80);
        }
    }

    private readonly record struct Rgb24(byte R, byte G, byte B);

    private static Rgb24 Mix(Rgb24 a, Rgb24 b, double t)
    {
        t = Math.Clamp(t, 0, 1);
        return new Rgb24((byte)(a.R + (b.R - a.R) * t), (byte)(a.G + (b.G - a.G) * t), (byte)(a.B + (b.B - a.B) * t));
    }

    private static Rgb24 Hue(double h, double s, double l)
    {
        double q = l < 0.5 ? l * (1 + s) : l + s - l * s, p = 2 * l - q;
        static double C(double p, double q, double t)
        {
            t = (t + 1) % 1;
            return t < 1 / 6.0 ? p + (q - p) * 6 * t : t < 0.5 ? q : t < 2 / 3.0 ? p + (q - p) * (2 / 3.0 - t) * 6 : p;
        }
        return new Rgb24((byte)(C(p, q, h + 1 / 3.0) * 255), (byte)(C(p, q, h) * 255), (byte)(C(p, q, h - 1 / 3.0) * 255));
    }
}
