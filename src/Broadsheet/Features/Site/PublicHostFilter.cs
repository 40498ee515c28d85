using System.Net;

namespace Broadsheet.Features.Site;

/// <summary>
/// Host filtering that follows the public address, as ASP.NET Core's AllowedHosts would if it knew
/// it: a request naming another host is answered 400. No link follows the Host header any more, but
/// the page cache keys on it (every invented name would be another copy of every page), and a page
/// that DNS rebinding points at a site on someone's localhost should find nothing there. Allowed:
/// the public host; loopback names (localhost, 127.0.0.1, [::1]), for the demo and for health checks
/// and curl on the machine itself; /healthz and /readyz under any name, because a load balancer
/// probes each node by its address; and every host while the public address is unknown, since
/// there is nothing yet to compare with. An operator who sets AllowedHosts to a list (not "*") takes
/// over: ASP.NET Core then applies exactly that list, and this filter steps aside.
/// </summary>
public static class PublicHostFilter
{
    public static IApplicationBuilder UsePublicHostFilter(this IApplicationBuilder app)
    {
        var allowedHosts = app.ApplicationServices.GetRequiredService<IConfiguration>()["AllowedHosts"];
        if (allowedHosts is { Length: > 0 } && allowedHosts.Trim() != "*") return app;
        return app.Use(async (context, next) =>
        {
            if (await AllowsAsync(context)) { await next(context); return; }
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("This site does not answer to that host name.", context.RequestAborted);
        });
    }

    private static async ValueTask<bool> AllowsAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.Equals("/healthz", StringComparison.OrdinalIgnoreCase) || path.Equals("/readyz", StringComparison.OrdinalIgnoreCase)) return true;
        var host = context.Request.Host.Host;
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)) return true;
        var known = await context.RequestServices.GetRequiredService<PublicOrigin>().KnownAsync(context.RequestAborted);
        return known is null || host.Equals(new Uri(known).Host, StringComparison.OrdinalIgnoreCase);
    }
}
