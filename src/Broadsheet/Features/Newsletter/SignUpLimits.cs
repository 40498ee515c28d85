using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Broadsheet.Infrastructure.RateLimiting;
using Broadsheet.Infrastructure.Redis;

namespace Broadsheet.Features.Newsletter;

/// <summary>
/// Attempts per address, on top of the per-client limit the rate-limiting middleware applies:
/// someone rotating IP addresses to bomb one mailbox still hits this. The answer (429) is the same
/// whether the address is subscribed or not, so it reveals nothing. Counted across every node
/// (<see cref="SharedWindow"/>), by a hash of the address, so Redis never holds the address itself.
/// </summary>
public sealed class SignUpLimits(NewsletterOptions options, RedisLink redis) : IDisposable
{
    private readonly PartitionedRateLimiter<string> perAddress = PartitionedRateLimiter.Create<string, string>(email =>
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.ToLowerInvariant())));
        return RateLimitPartition.Get(key, k => SharedWindow.Create(redis, "signup-address", k, options.SignUpsPerAddressPerHour, TimeSpan.FromHours(1)));
    });

    /// <summary>Null when the address may try again now; otherwise how long until its window has room (for Retry-After).</summary>
    public async Task<TimeSpan?> WaitAsync(string email)
    {
        using var lease = await perAddress.AcquireAsync(email);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromHours(1);
    }

    public void Dispose() => perAddress.Dispose();
}
