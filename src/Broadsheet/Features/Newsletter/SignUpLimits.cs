using System.Threading.RateLimiting;

namespace Broadsheet.Features.Newsletter;

/// <summary>
/// Attempts per address, on top of the per-client limit the rate-limiting middleware applies:
/// someone rotating IP addresses to bomb one mailbox still hits this. The answer (429) is the same
/// whether the address is subscribed or not, so it reveals nothing.
/// </summary>
public sealed class SignUpLimits(NewsletterOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> perAddress = PartitionedRateLimiter.Create<string, string>(email =>
        RateLimitPartition.GetFixedWindowLimiter(email, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.SignUpsPerAddressPerHour),
            Window = TimeSpan.FromHours(1),
            QueueLimit = 0,
        }));

    public bool Allows(string email)
    {
        using var lease = perAddress.AttemptAcquire(email);
        return lease.IsAcquired;
    }

    public void Dispose() => perAddress.Dispose();
}
