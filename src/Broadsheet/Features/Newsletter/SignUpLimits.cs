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

    public async Task<bool> AllowsAsync(string email)
    {
        using var lease = await perAddress.AcquireAsync(email);
        return lease.IsAcquired;
    }

    public void Dispose() => perAddress.Dispose();
}
