using System.Net;
using Broadsheet.Features.Accounts;
using Broadsheet.Tests.Security;
using Broadsheet.Tests.Support;
using StackExchange.Redis;

namespace Broadsheet.Tests.ScaleOut;

/// <summary>Two nodes sharing Redis share the account throttle: three tries means three in all, whichever node gets them.</summary>
public sealed class SharedAccountThrottleTests : IDisposable
{
    // A database of its own: other classes flush theirs while this one counts.
    private const string Redis = "127.0.0.1:56379,defaultDatabase=11,allowAdmin=true";
    private readonly AddressedApp nodeA = new(), nodeB = new();

    public SharedAccountThrottleTests()
    {
        foreach (var node in new[] { nodeA, nodeB })
        {
            node.Settings["Broadsheet:Redis"] = Redis;
            node.Limit(nameof(AccountThrottleOptions.SignInPerAddress), 3);
            node.Limit(nameof(AccountThrottleOptions.ForgotPerAccount), 3);
        }
    }

    public void Dispose()
    {
        nodeA.Dispose();
        nodeB.Dispose();
    }

    private static async Task FlushAsync()
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync(Redis);
        await redis.GetServer(redis.GetEndPoints()[0]).FlushDatabaseAsync(11);
    }

    [PostgresFact]
    public async Task Wrong_passwords_from_one_address_are_counted_on_every_node()
    {
        await FlushAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var node = i % 2 == 0 ? nodeA : nodeB;
            using var response = await node.From("203.0.113.5").SignInAsync($"someone{i}@example.test", "not the password");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [PostgresFact]
    public async Task Reset_requests_for_one_address_are_counted_on_every_node_by_its_hash()
    {
        await FlushAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var node = i % 2 == 0 ? nodeA : nodeB;
            using var response = await node.From($"203.0.113.{i + 10}").ForgotAsync("Target@Example.test");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        using var redis = await ConnectionMultiplexer.ConnectAsync(Redis);
        var keys = redis.GetServer(redis.GetEndPoints()[0]).Keys(11, "*").Select(k => k.ToString()).ToList();
        Assert.Contains(keys, k => k.StartsWith("broadsheet:rate:Forgot-account:", StringComparison.Ordinal));
        Assert.DoesNotContain(keys, k => k.Contains("example", StringComparison.OrdinalIgnoreCase));
    }
}
