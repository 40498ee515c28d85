using System.Threading.RateLimiting;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.RateLimiting;
using Broadsheet.Infrastructure.Redis;
using Microsoft.AspNetCore.RateLimiting;

namespace Broadsheet.Features.Newsletter;

/// <summary>
/// Sign-ups per client (IP) in ten minutes. The policy answers its own refusals (429 with the
/// reason in the site's language: JSON for the API, text for the form), so it leaves the rest of
/// the site's limiter alone. Behind a known proxy the address is the reader's: forwarded headers
/// run before routing.
/// </summary>
public sealed class SignUpRateLimit(NewsletterOptions options, RedisLink redis) : IRateLimiterPolicy<string>
{
    public const string Name = "newsletter-sign-up";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (rejected, ct) =>
    {
        var http = rejected.HttpContext;
        var site = http.RequestServices.GetRequiredService<SiteContext>();
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(10);
        await SignUpEndpoints.TooMany(http, site, json: http.Request.Path.StartsWithSegments("/api"), wait).ExecuteAsync(http);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var client = httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.Get(client, _ => SharedWindow.Create(redis, Name, client, options.SignUpsPerClientPer10Minutes, TimeSpan.FromMinutes(10)));
    }
}
