using System.Globalization;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Faults;

/// <summary>
/// A node told to stop (SIGTERM) while readers keep coming, as in a rolling restart: /readyz turns 503 at
/// once, the node goes on serving what arrives during the drain, and after it no request fails except
/// connections refused because nobody listens any more — which a load balancer retries on another node.
/// </summary>
public sealed class ShutdownDrainTests : IAsyncLifetime
{
    private const int DrainSeconds = 2;
    private const int MostRequests = 6000;
    private static readonly TimeSpan MostTime = TimeSpan.FromSeconds(40);

    private ChildSite site = null!;

    public async Task InitializeAsync() =>
        site = await ChildSite.StartAsync(TestDatabase.Create(), new Dictionary<string, string> { ["Broadsheet:ShutdownDrainSeconds"] = DrainSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public async Task DisposeAsync() => await site.DisposeAsync();

    private sealed record Outcome(string Path, TimeSpan SentAt, TimeSpan AnsweredAt, int? Status, Exception? Error)
    {
        public bool Refused => Error is not null && ChildSite.IsRefused(Error);
    }

    [Fact]
    public async Task A_stopping_node_says_so_on_readyz_first_serves_through_the_drain_and_fails_no_request()
    {
        using var pooled = site.Client();
        Assert.Equal(HttpStatusCode.OK, (await pooled.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pooled.GetAsync("/readyz")).StatusCode);

        var clock = Stopwatch.StartNew();
        var outcomes = new ConcurrentQueue<Outcome>();
        var sent = 0;
        TimeSpan? stoppedAt = null;

        // Keep-alive readers (as a proxy's pooled connections), a reader opening a new connection each time
        // (a request that has just arrived), and the load balancer's health check every 100 ms.
        async Task ReadAsync(HttpClient client, string path, TimeSpan pause)
        {
            while (Interlocked.Increment(ref sent) <= MostRequests && clock.Elapsed < MostTime)
            {
                var at = clock.Elapsed;
                try
                {
                    using var response = await client.GetAsync(path);
                    await response.Content.ReadAsByteArrayAsync();
                    outcomes.Enqueue(new Outcome(path, at, clock.Elapsed, (int)response.StatusCode, null));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    var outcome = new Outcome(path, at, clock.Elapsed, null, e);
                    outcomes.Enqueue(outcome);
                    if (outcome.Refused && site.Process.HasExited) return;
                }
                await Task.Delay(pause);
            }
        }

        using var fresh = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero, ConnectTimeout = TimeSpan.FromSeconds(5) })
        {
            BaseAddress = new Uri(site.Process.Origin),
            Timeout = TimeSpan.FromSeconds(15),
        };
        var readers = new List<Task>
        {
            ReadAsync(pooled, "/", TimeSpan.FromMilliseconds(5)),
            ReadAsync(pooled, "/", TimeSpan.FromMilliseconds(5)),
            ReadAsync(pooled, "/search?q=harbour", TimeSpan.FromMilliseconds(10)),
            ReadAsync(fresh, "/robots.txt", TimeSpan.FromMilliseconds(10)),
            ReadAsync(pooled, "/readyz", TimeSpan.FromMilliseconds(100)),
        };

        await Task.Delay(TimeSpan.FromSeconds(1));
        stoppedAt = clock.Elapsed;
        var stopping = site.Process.StopAsync();
        await Task.WhenAll(readers);
        await stopping;
        var exitedAt = clock.Elapsed;
        var all = outcomes.ToList();

        // The drain's promise covers what is sent before it ends. A new connection that races the listener's close
        // at that instant is reset rather than refused; by then /readyz has said 503 for the whole drain, so the
        // balancer sends nothing more, and the two are the same to it.
        var drainOver = stoppedAt!.Value + TimeSpan.FromSeconds(DrainSeconds);
        var failed = all.Where(o => o.Error is not null ? !o.Refused && o.SentAt < drainOver : o.Status >= 400 && !(o.Path == "/readyz" && o.Status == 503)).ToList();
        Assert.True(failed.Count == 0, $"{failed.Count} of {all.Count} requests failed:\n"
            + string.Join("\n", failed.Take(10).Select(o => $"{o.Path} at {o.SentAt.TotalMilliseconds:0} ms: {o.Status} {o.Error?.GetType().Name} {o.Error?.Message}")));

        var firstNotReady = all.Where(o => o.Path == "/readyz" && o.Status == 503).Select(o => o.AnsweredAt).DefaultIfEmpty(TimeSpan.MaxValue).Min();
        var firstRefused = all.Where(o => o.Refused).Select(o => o.SentAt).DefaultIfEmpty(TimeSpan.MaxValue).Min();
        Assert.True(firstNotReady < TimeSpan.MaxValue, $"/readyz never answered 503 while the node stopped (SIGTERM at {stoppedAt}, exited at {exitedAt}): "
            + string.Join(", ", all.Where(o => o.Path == "/readyz").Select(o => $"{o.SentAt.TotalMilliseconds:0} ms {o.Status?.ToString(CultureInfo.InvariantCulture) ?? o.Error?.Message}").TakeLast(30))
            + "\n" + site.Process.Log[Math.Max(0, site.Process.Log.Length - 4000)..]);
        Assert.True(firstNotReady < firstRefused, $"/readyz first said 503 at {firstNotReady}, after the first refused connection at {firstRefused} (SIGTERM at {stoppedAt}):\n"
            + site.Process.Log[Math.Max(0, site.Process.Log.Length - 4000)..]);
        Assert.True(firstNotReady - stoppedAt < TimeSpan.FromSeconds(1), $"/readyz took {firstNotReady - stoppedAt} to say the node was stopping");

        // Pages asked for during the drain, on new connections too, were served: sent after /readyz had said the node
        // was stopping, so the node knew, and before the drain's end. (From the 503 on, not from a fixed second after
        // the signal: under a loaded test run one page can take most of a second, and a narrow window then missed.)
        var drainEnds = stoppedAt.Value + TimeSpan.FromSeconds(DrainSeconds) - TimeSpan.FromMilliseconds(300);
        Assert.Contains(all, o => o.Path == "/" && o.Status == 200 && o.SentAt > firstNotReady && o.SentAt < drainEnds);
        Assert.Contains(all, o => o.Path == "/robots.txt" && o.Status == 200 && o.SentAt > firstNotReady && o.SentAt < drainEnds);
        Assert.True(exitedAt - stoppedAt.Value < TimeSpan.FromSeconds(DrainSeconds + 10), $"the node took {exitedAt - stoppedAt.Value} to stop");
        Assert.True(all.Count < MostRequests, "the load ran out before the node had stopped");
    }
}
