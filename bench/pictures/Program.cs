using System.Diagnostics;
using System.Globalization;
using Broadsheet.Tests.Newsroom;
using NetVips;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Processing;

// bench/pictures.sh: one measurement per process, so that the peak resident memory is this one's.
//   make DIR                 writes DIR/bomb.gif (12 frames of 5000×5000) and DIR/photo24.jpg (6000×4000)
//   imagesharp|libvips|header FILE
var (mode, file) = (args[0], args[1]);
if (mode == "make")
{
    File.WriteAllBytes(Path.Combine(file, "bomb.gif"), HostileImages.Gif(5000, 5000, 5000, 5000, 12));
    // Smooth shapes with a little grain: compresses like a photo (5 MB at quality 85), unlike pure noise.
    using var r = NetVips.Image.Perlin(6000, 4000, cellSize: 48) * 90 + 128;
    using var g = NetVips.Image.Perlin(6000, 4000, cellSize: 200) * 90 + 128;
    using var b = NetVips.Image.Perlin(6000, 4000, cellSize: 20) * 60 + 100;
    using var grain = NetVips.Image.Gaussnoise(6000, 4000, sigma: 6, mean: 0);
    using var photo = (r.Bandjoin(g, b) + grain).Cast(Enums.BandFormat.Uchar);
    photo.WriteToFile(Path.Combine(file, "photo24.jpg"), new VOption { { "Q", 85 } });
    return;
}
var bytes = File.ReadAllBytes(file);
var output = Directory.CreateTempSubdirectory("pictures-bench").FullName;
var ext = Path.GetExtension(file);
var clock = Stopwatch.StartNew();
int[] widths = [480, 960, 1600];
if (mode == "imagesharp")
{
    // What ImageIntake did up to December 2026: decode every frame, turn upright, resize and save each width.
    using var image = SixLabors.ImageSharp.Image.Load(bytes);
    image.Mutate(x => x.AutoOrient());
    foreach (var w in widths)
    {
        using var copy = image.Clone(x => x.Resize(w, 0));
        copy.Save(Path.Combine(output, $"{w}{ext}"));
    }
}
else if (mode == "header")
{
    // What ImageIntake does with a file over its limits: read the header and refuse.
    using var header = NetVips.Image.NewFromBuffer(bytes, access: Enums.Access.Sequential);
    _ = header.Contains("n-pages") ? header.Get("n-pages") : 1;
}
else
{
    // What ImageIntake does now, limits aside: one decode of the first frame, renditions from memory.
    NetVips.Cache.Max = 0;
    using var largest = NetVips.Image.ThumbnailBuffer(bytes, 1600, optionString: "[fail_on=truncated]", height: 10_000_000, size: Enums.Size.Down);
    using var decoded = largest.CopyMemory();
    foreach (var w in widths)
    {
        using var rendition = w == decoded.Width ? decoded.Copy() : decoded.ThumbnailImage(w, height: 10_000_000, size: Enums.Size.Down);
        rendition.WriteToFile(Path.Combine(output, $"{w}{ext}"), new VOption { { "keep", Enums.ForeignKeep.Icc } });
    }
}
var elapsed = clock.ElapsedMilliseconds;
Directory.Delete(output, recursive: true);
var peak = long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
    .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
Console.WriteLine($"{mode,-10} {Path.GetFileName(file),-12} {elapsed,7} ms  peak RSS {peak,5} MB");
