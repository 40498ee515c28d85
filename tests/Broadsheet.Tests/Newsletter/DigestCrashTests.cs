using Broadsheet.Features.Newsletter;
using Broadsheet.Tests.Faults;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Newsletter;

/// <summary>
/// A digest send killed (SIGKILL) in the window SMTP cannot close: the server has taken messages whose "sent" the
/// app had not yet written. After the restart the run finishes; every subscriber has the digest, and the only ones
/// who have it twice are in the batch that was in flight, each copy with the same Message-ID.
/// </summary>
public sealed class DigestCrashTests
{
    private const int Readers = 20;
    private const int BatchSize = 5;

    [Fact]
    public async Task A_send_killed_mid_batch_resumes_and_only_the_batch_in_flight_can_arrive_twice_with_one_message_id()
    {
        await using var smtp = new LoopbackSmtpServer();
        var readers = Enumerable.Range(1, Readers).Select(i => $"reader{i:00}@example.org").ToArray();
        var setup = new BroadsheetApp();
        try
        {
            NewsletterSteps.Configure(setup, smtp);
            var steps = new NewsletterSteps(() => setup, smtp);
            var now = setup.Clock.GetUtcNow().UtcDateTime;
            await steps.AddConfirmedAsync(now, false, readers);
            await new TestPublication(setup).ArticleAsync("Fresh news", now.AddHours(1));
            setup.Clock.Set(new DateTimeOffset(2024, 5, 16, 4, 30, 0, TimeSpan.Zero)); // the next morning, as in DeliveryTests
            await using var scope = setup.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DigestEditions>().PlanDueAsync(CancellationToken.None);
        }
        finally
        {
            setup.Database.KeptByAnotherApp = true;
            setup.Dispose();
        }

        // Two batches are sent and recorded; in the third, two messages get their 250 and the third is taken by the
        // server but never answered. The app is killed there, before it records the batch.
        smtp.StallAt(2 * BatchSize + 3);
        var settings = new Dictionary<string, string>
        {
            ["Broadsheet:Smtp:Host"] = "127.0.0.1",
            ["Broadsheet:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Broadsheet:Smtp:Security"] = "None",
            ["Broadsheet:Smtp:FromAddress"] = "news@broadsheet.test",
            ["Broadsheet:Smtp:TimeoutSeconds"] = "60",
            ["Broadsheet:PublicUrl"] = NewsletterSteps.Origin,
            ["Broadsheet:Newsletter:SchedulerSeconds"] = "1",
            ["Broadsheet:Newsletter:BatchSize"] = $"{BatchSize}",
            ["Broadsheet:Newsletter:SendLeaseSeconds"] = "2",
        };
        await using var site = await ChildSite.StartAsync(setup.Database, settings);
        await WaitForAsync(() => Task.FromResult(smtp.Received.Count >= 2 * BatchSize + 3), "the stalled message");
        await site.Process.KillAsync();
        var beforeTheKill = smtp.Received.Count;

        await site.RestartAsync();
        var inFlight = smtp.Received.Skip(2 * BatchSize).Select(m => m.Recipients.Single()).ToList();
        await WaitForAsync(async () => smtp.Received.Select(m => m.Recipients[0]).Distinct().Count() == Readers
            && await site.WithDbAsync(db => db.DigestDeliveries.CountAsync(d => d.State == DeliveryState.Pending)) == 0, "the rest of the run");

        Assert.Equal(2 * BatchSize + 3, beforeTheKill);
        var byReader = smtp.Received.GroupBy(m => m.Recipients.Single()).ToDictionary(g => g.Key, g => g.ToList());
        Assert.All(readers, r => Assert.True(byReader.ContainsKey(r), $"{r} got no digest"));
        var twice = byReader.Where(r => r.Value.Count > 1).ToList();
        // The stalled one surely went twice; nobody outside the batch in flight did, and nobody three times.
        Assert.Contains(inFlight[^1], twice.Select(r => r.Key));
        Assert.All(twice, r => Assert.Contains(r.Key, inFlight));
        Assert.All(twice, r => Assert.Equal(2, r.Value.Count));
        Assert.All(twice, r => Assert.Single(r.Value.Select(m => m.Message.MessageId).Distinct()));
        Assert.Equal(Readers, smtp.Received.Select(m => m.Message.MessageId).Distinct().Count());
        var states = await site.WithDbAsync(db => db.DigestDeliveries.Select(d => d.State).ToListAsync());
        Assert.All(states, s => Assert.Equal(DeliveryState.Sent, s));
    }

    private static async Task WaitForAsync(Func<Task<bool>> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"Timed out waiting for {what}");
            await Task.Delay(50);
        }
    }
}
