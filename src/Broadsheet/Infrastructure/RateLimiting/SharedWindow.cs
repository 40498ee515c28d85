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
            ? new RedisWindowLimiter(connection, $"broadsheet:rate:{name}:{partition}", Math.Max(1, permits), window)
            : new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, permits), Window = window, QueueLimit = 0, AutoReplenishment = true,
            });

    private sealed class RedisWindowLimiter(IConnectionMultiplexer connection, string key, int permits, TimeSpan window) : RateLimiter
    {
        private static readonly LuaScript Take = LuaScript.Prepare("""
            local n = redis.call('INCRBY', @key, @count)
            if n == tonumber(@count) then redis.call('PEXPIRE', @key, @ttl) end
            return n
            """);

        private long lastSeen;

        public override TimeSpan? IdleDuration => null;

        public override RateLimiterStatistics GetStatistics() => new()
        {
            CurrentAvailablePermits = Math.Max(0, permits - Interlocked.Read(ref lastSeen)),
        };

        // The synchronous path never blocks on the network: it declines, and the rate-limiting
        // middleware then asks through AcquireAsync, which does.
        protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.Refused;

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            if (permitCount == 0) return Lease.Granted;
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var windowMs = (long)window.TotalMilliseconds;
            var windowKey = (RedisKey)$"{key}:{now / windowMs}";
            try
            {
                var used = (long)await connection.GetDatabase().ScriptEvaluateAsync(Take, new { key = windowKey, count = permitCount, ttl = windowMs });
                Interlocked.Exchange(ref lastSeen, used);
                return used <= permits ? Lease.Granted : Lease.Refused;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                // Without Redis nobody can count across nodes; letting readers through beats refusing them all.
                return Lease.Granted;
            }
        }
    }

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public static readonly Lease Granted = new(true);
        public static readonly Lease Refused = new(false);

        public override bool IsAcquired => acquired;
        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
