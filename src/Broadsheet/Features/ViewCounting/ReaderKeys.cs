using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Broadsheet.Features.ViewCounting;

/// <summary>
/// Tells one reader of an article from another without remembering who anybody is: a hash of
/// the address, the browser's user agent and the article, salted with a random value that lives
/// only in memory and is replaced every day. Yesterday's salt is gone, so yesterday's keys cannot
/// be recomputed or linked to today's, and no cookie or stored identifier is involved, which is why
/// the counter needs no consent banner.
/// </summary>
public sealed class ReaderKeys(TimeProvider clock, Infrastructure.Redis.RedisLink redis)
{
    private readonly Lock gate = new();
    private int saltDay = -1;
    private byte[] salt = [];

    public UInt128 For(IPAddress? address, string userAgent, int articleId)
    {
        var material = Encoding.UTF8.GetBytes($"{address}\n{userAgent}\n{articleId}");
        Span<byte> hash = stackalloc byte[32];
        using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            sha.AppendData(CurrentSalt());
            sha.AppendData(material);
            sha.GetHashAndReset(hash);
        }
        // Half of SHA-256 is ample to keep readers apart and halves what the recent-readers set holds.
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    private byte[] CurrentSalt()
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).DayNumber;
        lock (gate)
        {
            if (today != saltDay)
            {
                salt = SharedSalt(today) ?? RandomNumberGenerator.GetBytes(32);
                saltDay = today;
            }
            return salt;
        }
    }

    /// <summary>
    /// With several nodes the day's salt must be the same on all of them, or a reader sent to
    /// another node would count again; the first node to need it sets it in Redis for two days.
    /// Once a day, so the blocking call costs nothing that matters.
    /// </summary>
    private byte[]? SharedSalt(int day)
    {
        if (redis.Connection is not { } connection) return null;
        try
        {
            var db = connection.GetDatabase();
            var key = $"broadsheet:views:salt:{day}";
            db.StringSet(key, RandomNumberGenerator.GetBytes(32), TimeSpan.FromDays(2), StackExchange.Redis.When.NotExists);
            return (byte[]?)db.StringGet(key);
        }
        catch (StackExchange.Redis.RedisException)
        {
            return null;
        }
    }
}
