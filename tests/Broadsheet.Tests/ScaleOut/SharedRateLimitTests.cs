using System.Net;
using System.Text;
using Broadsheet.Tests.Support;
using StackExchange.Redis;

namespace Broadsheet.Tests.ScaleOut;

/// <summary>Two nodes sharing Redis share their rate limits: five reports a minute means five in all, not five per node.</summary>
public sealed class SharedRateLimitTests : IDisposable
{
    private const string Redis = "127.0.0.1:56379,defaultDatabase=8,allowAdmin=true";
    private readonly BroadsheetApp nodeA = new(), nodeB = new();

    public SharedRateLimitTests()
    {
        foreach (var node in new[] { nodeA, nodeB })
        {
            node.Settings["Broadsheet:Redis"] = Redis;
            node.Settings["Broadsheet:TypoReports:PerMinute"] = "5";
            node.Settings["Broadsheet:Newsletter:SignUpsPerAddressPerHour"] = "3";
            node.Settings["Broadsheet:Newsletter:SignUpsPerClientPer10Minutes"] = "100";
        }
    }

    public void Dispose()
    {
        nodeA.Dispose();
        nodeB.Dispose();
    }

    [PostgresFact]
    public async Task The_per_minute_limit_counts_requests_to_every_node()
    {
        using (var redis = await ConnectionMultiplexer.ConnectAsync(Redis))
            await redis.GetServer(redis.GetEndPoints()[0]).FlushDatabaseAsync(8);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            var node = i % 2 == 0 ? nodeA : nodeB;
            using var response = await node.Reader().PostAsync("/api/typo-reports", new StringContent("{}", Encoding.UTF8, "application/json"));
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(5), s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[5]);
    }

    [PostgresFact]
    public async Task Sign_ups_for_one_address_are_counted_on_every_node()
    {
        using (var redis = await ConnectionMultiplexer.ConnectAsync(Redis))
            await redis.GetServer(redis.GetEndPoints()[0]).FlushDatabaseAsync(8);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var node = i % 2 == 0 ? nodeA : nodeB;
            using var response = await node.Reader().PostAsync("/newsletter/sign-up", new FormUrlEncodedContent(
                [new("email", "Reader@Example.com"), new("frequency", "daily")]));
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(3), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
        // The address is counted by its hash: Redis never learns it.
        using (var redis = await ConnectionMultiplexer.ConnectAsync(Redis))
            Assert.DoesNotContain(redis.GetServer(redis.GetEndPoints()[0]).Keys(8, "*"), k => k.ToString().Contains("example.com", StringComparison.OrdinalIgnoreCase));
    }
}
