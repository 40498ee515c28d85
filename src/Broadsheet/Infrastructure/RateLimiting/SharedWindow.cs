using System.Threading.RateLimiting;
using Broadsheet.Infrastructure.Redis;
using StackExchange.Redis;

namespace Broadsheet.Infrastructure.RateLimiting;

/// <summary>
/// A fixed window of permits that every web node draws from: a counter per window in Redis
/// (INCR, expiring with the window). Without Redis it is the ordinary in-memory window, which on
/// one machine is the same thing. Five comments a minute must mean five, not five per node.
/// </summary>
public static class SharedWindow
{
    public static RateLimiter Create(RedisLink redis, string name, string partition, int permits, TimeSpan window) =>
        redis.Connection is { } connection
            ? new RedisWindowLimiter(connection, Key(name, partition), Math.Max(1, permits), window)
            : new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, permits), Window = window, QueueLimit = 0, AutoReplenishment = true,
            });

    internal static string Key(string name, string partition) => $"broadsheet:rate:{name}:{partition}";

    /// <summary>Adds <paramref name="count"/> (0 only reads) to the window that <paramref name="nowMs"/> falls in; the total so far.</summary>
    internal static async Task<long> CountAsync(IConnectionMultiplexer connection, string key, long nowMs, TimeSpan window, int count)
    {
        var windowMs = (long)window.TotalMilliseconds;
        var windowKey = (RedisKey)$"{key}:{nowMs / windowMs}";
        return (long)await connection.GetDatabase().ScriptEvaluateAsync(Take, new { key = windowKey, count, ttl = windowMs });
    }

    /// <summary>How long until the window that <paramref name="nowMs"/> falls in closes: windows start at multiples of their length.</summary>
    internal static TimeSpan ClosesIn(long nowMs, TimeSpan window)
    {
        var windowMs = (long)window.TotalMilliseconds;
        return TimeSpan.FromMilliseconds(windowMs - nowMs % windowMs);
    }

    private static readonly LuaScript Take = LuaScript.Prepare("""
        local n = redis.call('INCRBY', @key, @count)
        if n == tonumber(@count) then redis.call('PEXPIRE', @key, @ttl) end
        return n
        """);

    private sealed class RedisWindowLimiter(IConnectionMultiplexer connection, string key, int permits, TimeSpan window) : RateLimiter
    {
        private long lastSeen;

        public override TimeSpan? IdleDuration => null;

        public override RateLimiterStatistics GetStatistics() => new()
        {
            CurrentAvailablePermits = Math.Max(0, permits - Interlocked.Read(ref lastSeen)),
        };

        // The synchronous path never blocks on the network: it declines, and the rate-limiting
        // middleware then asks through AcquireAsync, which does.
        protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.Refused(null);

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            if (permitCount == 0) return Lease.Granted;
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            try
            {
                var used = await CountAsync(connection, key, now, window, permitCount);
                Interlocked.Exchange(ref lastSeen, used);
                return used <= permits ? Lease.Granted : Lease.Refused(ClosesIn(now, window));
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                // Without Redis nobody can count across nodes; letting readers through beats refusing them all.
                return Lease.Granted;
            }
        }
    }

    /// <summary>A refusal carries RetryAfter, as the in-memory window's does, so a 429 can say when to come back.</summary>
    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);
        public static Lease Refused(TimeSpan? retryAfter) => new(false, retryAfter);

        public override bool IsAcquired => acquired;
        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
