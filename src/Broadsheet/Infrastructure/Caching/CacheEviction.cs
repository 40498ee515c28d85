using Broadsheet.Infrastructure.Redis;
using Microsoft.AspNetCore.OutputCaching;
using StackExchange.Redis;

namespace Broadsheet.Infrastructure.Caching;

/// <summary>
/// Every node keeps its pages in its own memory, which is what makes a cached page cheap; what
/// must be shared is the order to forget them. With Redis the order goes out on a channel and
/// every node, this one included, acts on it within a moment; without Redis it stays local.
/// </summary>
public sealed class CacheEviction(IOutputCacheStore store, EvictionLedger ledger, ListingMemo memo, ArticleMemo articles, IEnumerable<ICachedCopy> copies,
    RedisLink redis, TimeProvider clock, ILogger<CacheEviction> log)
    : IHostedService, IDisposable
{
    private RedisChannel Channel => redis.Channel("evict");

    /// <summary>The least time between two coalesced evictions of one tag (<see cref="EvictCoalescedAsync"/>).</summary>
    public static readonly TimeSpan CoalesceWindow = TimeSpan.FromSeconds(1);

    /// <summary>How often folded evictions are looked at: real time, while their due times are on the app's clock.</summary>
    private static readonly TimeSpan CoalesceTick = TimeSpan.FromMilliseconds(100);

    private readonly Lock gate = new();
    private readonly Dictionary<string, DateTimeOffset> lastEvicted = [];
    private readonly Dictionary<string, DateTimeOffset> folded = [];
    private readonly CancellationTokenSource stopping = new();
    private Task ticking = Task.CompletedTask;

    /// <summary>The tag that stands for "the site settings changed".</summary>
    public const string SettingsTag = "settings";

    /// <summary>
    /// Never throws for Redis: the change is committed by now, and failing the request would tell a reader
    /// their comment was not taken when it was. A node that misses the order serves its copies until they
    /// expire by themselves: pages within 45 s (feeds 5 min), memos within a minute, settings within their own maximum age (SiteSettingsStore.MaxAge).
    /// </summary>
    public async Task EvictAsync(CancellationToken ct, params string[] tags)
    {
        await EvictHereAsync(tags, ct);
        if (redis.Connection is not { } connection) return;
        try { await connection.GetSubscriber().PublishAsync(Channel, $"{redis.NodeId}|{string.Join(',', tags)}"); }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            log.LogWarning(e, "Could not tell the other nodes to evict {Tags}; their copies expire by themselves", string.Join(',', tags));
        }
    }

    /// <summary>
    /// Evicts <paramref name="tag"/> at most once a <see cref="CoalesceWindow"/>: at once when it was not evicted in the last
    /// window, otherwise once at the window's end, for every order that came in it. For changes that come in storms, where
    /// evicting on each would render the page again for each: readers' comments on the night's hot article (fifty a second),
    /// each of which used to send every reader of it to wait behind a fresh render. The writer itself reads past the cache
    /// (signed in), so only other readers wait, and never longer than the window.
    /// </summary>
    public Task EvictCoalescedAsync(string tag, CancellationToken ct)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (folded.ContainsKey(tag)) return Task.CompletedTask;
            if (lastEvicted.TryGetValue(tag, out var at) && now - at < CoalesceWindow)
            {
                folded[tag] = at + CoalesceWindow;
                return Task.CompletedTask;
            }
            lastEvicted[tag] = now;
        }
        return EvictAsync(ct, tag);
    }

    /// <summary>Sends the folded evictions that are due (all of them when the app stops) and forgets tags quiet for a window.</summary>
    private async Task EvictFoldedAsync(bool all)
    {
        string[] due;
        lock (gate)
        {
            var now = clock.GetUtcNow();
            due = [.. folded.Where(f => all || f.Value <= now).Select(f => f.Key)];
            foreach (var tag in due)
            {
                folded.Remove(tag);
                lastEvicted[tag] = now;
            }
            foreach (var quiet in lastEvicted.Where(e => now - e.Value >= CoalesceWindow && !folded.ContainsKey(e.Key)).Select(e => e.Key).ToList())
                lastEvicted.Remove(quiet);
        }
        if (due.Length > 0) await EvictAsync(CancellationToken.None, due);
    }

    private async Task TickAsync()
    {
        using var ticker = new PeriodicTimer(CoalesceTick);
        try
        {
            while (await ticker.WaitForNextTickAsync(stopping.Token))
            {
                try { await EvictFoldedAsync(all: false); }
                // The orders stay lost, not the site: the pages expire by themselves (45 s), as with any eviction that fails.
                catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "Could not send folded evictions"); }
            }
        }
        catch (OperationCanceledException) { }
    }

    public Task SettingsChangedAsync(CancellationToken ct) => EvictAsync(ct, SettingsTag, PageCache.SiteTag);

    private async Task EvictHereAsync(IEnumerable<string> tags, CancellationToken ct)
    {
        foreach (var tag in tags)
        {
            // Before the pages go: a page still being drawn is then not stored after they have gone.
            ledger.Evicted(tag);
            if (tag == SettingsTag)
            {
                foreach (var copy in copies.Where(c => c.Tag == tag)) copy.Forget();
            }
            else await EvictPagesAsync(tag, ct);
            articles.Forget(tag);
            if (tag is PageCache.ListingsTag or PageCache.SiteTag)
            {
                await memo.ForgetAsync(PageCache.ListingsTag, ct);
                articles.ForgetAll();
            }
        }
    }

    /// <summary>Pages kept in Redis (PagesInRedis) cannot be evicted while it is away; they expire by themselves.</summary>
    private async Task EvictPagesAsync(string tag, CancellationToken ct)
    {
        try { await store.EvictByTagAsync(tag, ct); }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            log.LogWarning(e, "Could not evict cached pages tagged {Tag}; they expire by themselves", tag);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        ticking = TickAsync();
        if (redis.Connection is not { } connection) return;
        await connection.GetSubscriber().SubscribeAsync(Channel, (channel, message) =>
        {
            var text = (string?)message ?? "";
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            if (bar < 0 || text[..bar] == redis.NodeId) return;
            var tags = text[(bar + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries);
            _ = EvictHereAsync(tags, CancellationToken.None).ContinueWith(
                t => log.LogWarning(t.Exception, "Could not evict {Tags} on request of another node", text),
                TaskContinuationOptions.OnlyOnFaulted);
        });
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await ticking;
        // Pages kept in Redis outlive this process: what was folded is sent now rather than left to expire.
        await EvictFoldedAsync(all: true);
        if (redis.Connection is { } connection) await connection.GetSubscriber().UnsubscribeAsync(Channel);
    }

    /// <summary>
    /// Cancels rather than disposes the ticker's token source: under load a test host was seen disposing the
    /// service before stopping it (DigestPlanningTests, an <c>ObjectDisposedException</c> in <see cref="StopAsync"/>),
    /// and a source without timers holds nothing that needs disposing.
    /// </summary>
    public void Dispose() => stopping.Cancel();
}
