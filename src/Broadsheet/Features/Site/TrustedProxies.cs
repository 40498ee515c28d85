using System.Net;
using Broadsheet.Infrastructure;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Broadsheet.Features.Site;

/// <summary>
/// X-Forwarded-For and -Proto, believed only from the proxies named in Broadsheet:TrustedProxies
/// (addresses or CIDR networks; the older name KnownProxies is read too). With none named the
/// middleware is not used at all — that is deliberate, not an omission: ASP.NET Core's
/// ForwardedHeadersOptions trusts loopback by default, and with both of its lists emptied it trusts
/// every client. Behind nginx on the same machine every request comes from 127.0.0.1, so loopback
/// must be named to be believed, and a site reachable directly then believes no one else.
/// X-Forwarded-Host is never read: no link is built from the host a request names (see
/// <see cref="PublicOrigin"/>), and the proxy passes the Host header itself.
/// </summary>
public static class TrustedProxies
{
    public static void Configure(ForwardedHeadersOptions o, IEnumerable<string> entries)
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        o.KnownProxies.Clear();
        o.KnownIPNetworks.Clear();
        // From the nearest hop outwards, every address a trusted proxy vouches for is taken while the
        // hop that vouched is itself trusted: two proxies in a row both need naming, and what a client
        // wrote into X-Forwarded-For before the first trusted proxy is never reached.
        o.ForwardLimit = null;
        foreach (var entry in entries.Select(e => e.Trim()).Where(e => e.Length > 0))
        {
            if (entry.Contains('/') && System.Net.IPNetwork.TryParse(entry, out var network)) o.KnownIPNetworks.Add(network);
            else if (!entry.Contains('/') && IPAddress.TryParse(entry, out var address)) o.KnownProxies.Add(address);
            else throw new InvalidOperationException($"Broadsheet:TrustedProxies: \"{entry}\" is neither an IP address nor a CIDR network such as 10.0.0.0/8.");
        }
    }

    /// <summary>Believes forwarded headers from the configured proxies, and adds nothing when there are none.</summary>
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app)
    {
        if (!app.ApplicationServices.GetRequiredService<BroadsheetOptions>().AllTrustedProxies.Any(p => p.Trim().Length > 0)) return app;
        // Read now, so that a mistyped entry stops the start rather than the first request.
        _ = app.ApplicationServices.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        return app.UseForwardedHeaders();
    }
}
