using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Broadsheet.Infrastructure.Redis;
using StackExchange.Redis;

namespace Broadsheet.Features.ViewCounting;

/// <summary>
/// Tells one reader of an article from another without remembering who anybody is: a hash of
/// the address, the browser's user agent and the article, salted with a random value that lives
/// only in memory and is replaced every day. Yesterday's salt is gone, so yesterday's keys cannot
/// be recomputed or linked to today's, and no cookie or stored identifier is involved, which is why
/// the counter needs no consent banner.
/// </summary>
public sealed class ReaderKeys(TimeProvider clock, RedisLink redis, ILogger<ReaderKeys> log)
{
    private readonly Lock gate = new();
    private int saltDay = -1;
    private Task<byte[]>? salt;

    public async ValueTask<UInt128> ForAsync(IPAddress? address, string userAgent, int articleId)
    {
        var material = Encoding.UTF8.GetBytes($"{address}\n{userAgent}\n{articleId}");
        var daySalt = await CurrentSaltAsync();
        Span<byte> hash = stackalloc byte[32];
        using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            sha.AppendData(daySalt);
            sha.AppendData(material);
            sha.GetHashAndReset(hash);
        }
        // Half of SHA-256 is ample to keep readers apart and halves what the recent-readers set holds.
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    private Task<byte[]> CurrentSaltAsync()
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).DayNumber;
        lock (gate)
        {
            if (today != saltDay || salt is null)
            {
                saltDay = today;
                salt = LoadSaltAsync(today);
            }
            return salt;
        }
    }

    /// <summary>
    /// With several nodes the day's salt must be the same on all of them, or a reader sent to
    /// another node would count again: the first node to need it sets it in Redis for two days.
    /// Every request of the day awaits the same load; if Redis cannot be reached this node uses a
    /// salt of its own for the moment and asks again with the next view.
    /// </summary>
    private async Task<byte[]> LoadSaltAsync(int day)
    {
        var own = RandomNumberGenerator.GetBytes(32);
        if (redis.Connection is not { } connection) return own;
        try
        {
            var db = connection.GetDatabase();
            var key = $"broadsheet:views:salt:{day}";
            await db.StringSetAsync(key, own, TimeSpan.FromDays(2), When.NotExists);
            return (byte[]?)await db.StringGetAsync(key) ?? own;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            log.LogWarning(e, "Could not share the view counter's salt through Redis; counting with this node's own for now");
            lock (gate) salt = null;
            return own;
        }
    }
}
