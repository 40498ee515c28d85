using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Broadsheet.Infrastructure.Redis;
using StackExchange.Redis;

namespace Broadsheet.Features.Live;

/// <summary>
/// Carries entry changes to the readers whose streams are open on this node, and through Redis to every other
/// node's. The update travels whole (its HTML already rendered), so a post makes one Redis message and no node
/// asks the database for it; a reader who misses one (a full queue, a lost message) comes back with Last-Event-ID
/// and catches up from the table, which is the truth. The channel name gets the site's prefix from <see cref="RedisLink"/>.
/// </summary>
public sealed class LiveWire(RedisLink redis, LiveOptions options, ILogger<LiveWire> log) : IHostedService, IDisposable
{
    private RedisChannel Channel => redis.Channel("live");

    /// <summary>Put in every open stream's queue each <see cref="LiveOptions.Heartbeat"/>; the stream writes <see cref="PingEvent"/>.</summary>
    public static readonly LiveUpdate Ping = new(0, 0, false, false, null, null);

    public static readonly byte[] PingEvent = Encoding.UTF8.GetBytes("event: ping\ndata: \n\n");

    /// <summary>Enough for a burst; a reader this far behind is dropped and resumes from the table.</summary>
    private const int QueueLength = 64;

    private readonly ConcurrentDictionary<int, ConcurrentDictionary<Listener, byte>> listeners = new();

    /// <summary>The newest change number this node has carried for each article, its own posts and other nodes' alike.</summary>
    private readonly ConcurrentDictionary<int, long> heard = new();

    public int Listening => listeners.Values.Sum(l => l.Count);

    /// <summary>
    /// A stream opened after an update was carried sees it here; one opened before gets it in its queue
    /// (<see cref="Deliver"/> records before it hands out, <see cref="Listen"/> comes before this is read).
    /// </summary>
    public long LatestHeard(int articleId) => heard.TryGetValue(articleId, out var change) ? change : 0;

    public Listener Listen(int articleId)
    {
        var listener = new Listener(this, articleId, (int)((uint)Interlocked.Increment(ref nextShard) % ShardCount));
        listeners.GetOrAdd(articleId, _ => new()).TryAdd(listener, 0);
        return listener;
    }

    /// <summary>Never throws for Redis: the entry is committed, and its readers on other nodes get it on their next resume.</summary>
    public async Task SendAsync(int articleId, LiveUpdate update)
    {
        Deliver(articleId, update);
        if (redis.Connection is not { } connection) return;
        try
        {
            var message = $"{redis.NodeId}|{articleId}|{update.Json}";
            await connection.GetSubscriber().PublishAsync(Channel, message);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            log.LogWarning(e, "Could not send live update {Change} of article {ArticleId} to the other nodes", update.Change, articleId);
        }
    }

    private void Deliver(int articleId, LiveUpdate update)
    {
        heard.AddOrUpdate(articleId, update.Change, (_, known) => Math.Max(known, update.Change));
        if (listeners.TryGetValue(articleId, out var open)) Hand(open, update);
    }

    /// <summary>
    /// The fan-out is split into a few shards, each a loop of its own that wakes its streams on its own thread
    /// (<see cref="Listener.Queue"/> continues synchronously). One work item per stream, as before, put 5,000
    /// items per post in the thread pool's queue among the page traffic's, and the last reader got the entry
    /// 0.4–1 s after the first (bench/live-night.sh); one loop for them all used a single core. A shard's loop
    /// takes its updates in order, so a reader's entries arrive in the order they were posted.
    /// </summary>
    private static readonly int ShardCount = Math.Max(2, Environment.ProcessorCount * 2);

    private readonly Channel<(ConcurrentDictionary<Listener, byte> Open, LiveUpdate Update)>[] shards =
        Enumerable.Range(0, ShardCount).Select(_ => System.Threading.Channels.Channel.CreateUnbounded<(ConcurrentDictionary<Listener, byte>, LiveUpdate)>(
            new UnboundedChannelOptions { SingleReader = true })).ToArray();

    private int nextShard;

    private void Hand(ConcurrentDictionary<Listener, byte> open, LiveUpdate update)
    {
        foreach (var shard in shards) shard.Writer.TryWrite((open, update));
    }

    private static async Task FanOutAsync(int shard, ChannelReader<(ConcurrentDictionary<Listener, byte> Open, LiveUpdate Update)> work)
    {
        await foreach (var (open, update) in work.ReadAllAsync())
        {
            // Enumerated, not .Keys: that takes every lock of the dictionary and copies the 5,000 keys per update.
            foreach (var (listener, _) in open)
                if (listener.Shard == shard && !listener.Queue.Writer.TryWrite(update)) listener.Queue.Writer.TryComplete();
        }
    }

    /// <summary>
    /// One timer for the node rather than one per stream: a timer made and cancelled around every wait was a large
    /// part of what each delivery cost with 5,000 streams open. A stream opened just before a beat pings early; no matter.
    /// </summary>
    private Timer? heartbeat;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < shards.Length; i++)
        {
            var shard = i;
            _ = Task.Run(() => FanOutAsync(shard, shards[shard].Reader), CancellationToken.None);
        }
        heartbeat = new Timer(_ =>
        {
            foreach (var open in listeners.Values) Hand(open, Ping);
        }, null, options.Heartbeat, options.Heartbeat);
        if (redis.Connection is not { } connection) return;
        await connection.GetSubscriber().SubscribeAsync(Channel, (_, message) =>
        {
            var text = (string?)message ?? "";
            var first = text.IndexOf('|', StringComparison.Ordinal);
            var second = first < 0 ? -1 : text.IndexOf('|', first + 1);
            if (second < 0 || text[..first] == redis.NodeId || !int.TryParse(text[(first + 1)..second], out var articleId)) return;
            try
            {
                if (JsonSerializer.Deserialize<LiveUpdate>(text[(second + 1)..]) is { } update) Deliver(articleId, update);
            }
            catch (JsonException e) { log.LogWarning(e, "A live update from another node could not be read"); }
        });
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var shard in shards) shard.Writer.TryComplete();
        heartbeat?.Change(Timeout.Infinite, Timeout.Infinite);
        return redis.Connection?.GetSubscriber().UnsubscribeAsync(Channel) ?? Task.CompletedTask;
    }

    public void Dispose() => heartbeat?.Dispose();

    /// <summary>One open stream's queue; disposing it stops delivery.</summary>
    public sealed class Listener(LiveWire wire, int articleId, int shard) : IDisposable
    {
        public int Shard => shard;

        /// <summary>
        /// Synchronous continuations: a write wakes the waiting stream on its shard's thread, which copies the event
        /// to the socket's pipe and goes on to the next. A stream whose socket is slow stops at its flush and is
        /// finished by the thread pool.
        /// </summary>
        public Channel<LiveUpdate> Queue { get; } = System.Threading.Channels.Channel.CreateBounded<LiveUpdate>(
            new BoundedChannelOptions(QueueLength) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait, AllowSynchronousContinuations = true });

        public void Dispose()
        {
            if (wire.listeners.TryGetValue(articleId, out var open)) open.TryRemove(this, out _);
            Queue.Writer.TryComplete();
        }
    }
}
