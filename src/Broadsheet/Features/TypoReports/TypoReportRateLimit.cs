using System.Threading.RateLimiting;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.RateLimiting;
using Broadsheet.Infrastructure.Redis;
using Microsoft.AspNetCore.RateLimiting;

namespace Broadsheet.Features.TypoReports;

/// <summary>
/// Reports per address, a minute's worth and an hour's worth. The policy answers a refusal itself
/// (429 with a message in the site's language), so it does not depend on how the rest of the
/// site's limiter is set up. Windows run on the limiter's own clock, not the injected TimeProvider.
/// </summary>
public sealed class TypoReportRateLimit(TypoReportOptions limits, RedisLink redis) : IRateLimiterPolicy<string>
{
    public const string Name = "typo-reports";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (rejected, ct) =>
    {
        var http = rejected.HttpContext;
        var site = http.RequestServices.GetRequiredService<SiteContext>();
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        // The window that refused says how long it has left (the hour's, if that one is full); a minute otherwise.
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        http.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await http.Response.WriteAsJsonAsync(new TypoReportAnswer.Refusal(TypoReportText.For(site).TooMany), ct);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        // Behind a known proxy this is the reader's address: forwarded headers run before routing.
        var address = httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.Get(address, _ => RateLimiter.CreateChained(
            SharedWindow.Create(redis, "typo-minute", address, limits.PerMinute, TimeSpan.FromMinutes(1)),
            SharedWindow.Create(redis, "typo-hour", address, limits.PerHour, TimeSpan.FromHours(1))));
    }
}
