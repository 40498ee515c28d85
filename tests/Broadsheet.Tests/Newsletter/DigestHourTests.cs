using Broadsheet.Features.Newsletter;
using Broadsheet.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Newsletter;

/// <summary>When the job host wakes the digests: at DailyAt (07:00 by default) in the site's zone, Moscow here.</summary>
public sealed class DigestHourTests : IDisposable
{
    private readonly BroadsheetApp app = new();

    public void Dispose() => app.Dispose();

    private Task<DateTimeOffset> NextAfterAsync(DateTimeOffset after) =>
        app.Services.GetRequiredService<DigestHour>().NextAsync(after, CancellationToken.None).AsTask();

    [Fact]
    public async Task The_digests_are_due_at_seven_in_the_morning_site_time()
    {
        // 03:00 UTC is 06:00 in Moscow: due the same morning at 07:00 Moscow, 04:00 UTC.
        Assert.Equal(new DateTimeOffset(2024, 5, 15, 4, 0, 0, TimeSpan.Zero), await NextAfterAsync(new DateTimeOffset(2024, 5, 15, 3, 0, 0, TimeSpan.Zero)));
        // At 07:00 Moscow itself, and after it, the next is tomorrow's.
        Assert.Equal(new DateTimeOffset(2024, 5, 16, 4, 0, 0, TimeSpan.Zero), await NextAfterAsync(new DateTimeOffset(2024, 5, 15, 4, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2024, 5, 16, 4, 0, 0, TimeSpan.Zero), await NextAfterAsync(new DateTimeOffset(2024, 5, 15, 21, 30, 0, TimeSpan.Zero)));
    }
}
