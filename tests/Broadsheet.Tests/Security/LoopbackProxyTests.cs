using System.Net;
using System.Text;
using Broadsheet.Testing;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Security;

/// <summary>
/// The case the test server cannot show: Kestrel on loopback, as behind nginx on the same machine,
/// where every request's peer is 127.0.0.1. Loopback is believed only when it is named in
/// Broadsheet:TrustedProxies; otherwise a client reaching the port directly could pick its address.
/// </summary>
public sealed class LoopbackProxyTests : IAsyncLifetime
{
    private readonly List<(AppProcess App, TestDatabase Storage)> started = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var (app, storage) in started)
        {
            await app.DisposeAsync();
            storage.Release();
        }
    }

    private async Task<AppProcess> StartAsync(string? trustedProxy)
    {
        var storage = TestDatabase.Create();
        var environment = storage.Settings().ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        environment["Broadsheet__SeedDemo"] = "false";
        environment["Broadsheet__TypoReports__PerMinute"] = "2";
        if (trustedProxy is not null) environment["Broadsheet__TrustedProxies__0"] = trustedProxy;
        var app = await AppProcess.StartAsync(environment);
        started.Add((app, storage));
        return app;
    }

    /// <summary>Eight typo reports, each claiming another address; only the limiter's answer matters, so the body is empty.</summary>
    private static async Task<int> RefusedAsync(AppProcess app)
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.Origin), Timeout = TimeSpan.FromSeconds(10) };
        var refused = 0;
        for (var i = 1; i <= 8; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/typo-reports") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i}");
            using var response = await http.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused++;
        }
        return refused;
    }

    [Fact]
    public async Task From_loopback_forwarded_for_is_not_believed_unless_loopback_is_a_trusted_proxy()
    {
        var untrusting = await StartAsync(trustedProxy: null);
        Assert.Equal(6, await RefusedAsync(untrusting));

        var behindNginx = await StartAsync(trustedProxy: "127.0.0.1");
        Assert.Equal(0, await RefusedAsync(behindNginx));
    }
}
