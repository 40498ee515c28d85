using Broadsheet.Features.Accounts;
using Broadsheet.Infrastructure;
using Broadsheet.Infrastructure.Media;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Newsroom;

/// <summary>
/// What a hostile picture costs the process. Alone in its collection, so that no other test's
/// allocations run while the resident memory is watched.
/// </summary>
[Collection(PictureCostCollection.Name)]
public sealed class FrameBombMemoryTests : IDisposable
{
    private readonly BroadsheetApp app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task The_frame_bomb_is_refused_before_its_frames_are_decoded_and_memory_stays_flat()
    {
        var author = await app.SignedInAsync(StaffRoles.Author);
        // A first, ordinary upload loads libvips, so that its own size is not counted below.
        using (await MediaUploadTests.UploadAsync(author, HostileImages.Plain("png", 100, 100), "warm.png", "image/png")) { }
        var bomb = HostileImages.Gif(5000, 5000, 5000, 5000, 12);
        GC.Collect();
        var before = ResidentMegabytes();
        var peak = before;
        using var watching = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            while (!watching.IsCancellationRequested)
            {
                peak = Math.Max(peak, ResidentMegabytes());
                await Task.Delay(5);
            }
        });

        using var response = await MediaUploadTests.UploadAsync(author, bomb, "bomb.gif", "image/gif");
        await watching.CancelAsync();
        await watcher;

        Assert.StartsWith("The animation's 12 frames of 5000×5000 pixels", await MediaUploadTests.ErrorOfAsync(response));
        // Decoding one frame alone takes 100 MB (5000×5000 RGBA); ImageSharp took the process from 436 MB to 1.7 GB.
        Assert.True(peak - before < 60, $"the process grew by {peak - before} MB");
    }

    [Fact]
    public async Task A_picture_that_takes_longer_than_the_decode_time_limit_is_refused_and_leaves_no_file()
    {
        var options = new BroadsheetOptions { DataDirectory = Path.Combine(app.DataDirectory, "slow") };
        var intake = new ImageIntake(options, TimeProvider.System) { DecodeTimeout = TimeSpan.FromMilliseconds(1) };
        var photo = HostileImages.Plain("jpg", 4000, 3000, noise: true);

        var result = await intake.AcceptAsync(photo, CancellationToken.None);

        Assert.Equal("The image took longer than 0 seconds to process and was set aside. Save it again from an image editor and upload that copy.", result.Error);
        Assert.False(Directory.Exists(options.MediaPath) && Directory.EnumerateFiles(options.MediaPath, "*", SearchOption.AllDirectories).Any());
    }

    private static long ResidentMegabytes() =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
}
