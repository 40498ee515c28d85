namespace Broadsheet.Infrastructure.Data;

/// <summary>
/// Which requests may read from the replica. Anonymous readers' page views may: a replica a
/// moment behind shows them nothing they could miss. Staff, signed-in readers, every write, and a
/// browser that has just written (it carries <see cref="FreshCookie"/> for half a minute) read
/// from the primary, so nobody fails to see what they themselves just did.
/// </summary>
public static class ReplicaRouting
{
    public const string FreshCookie = "bs-fresh";
    private static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(30);

    public static bool MayReadFromReplica(HttpContext? context) =>
        context is { Request: var request }
        && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && context.User.Identity?.IsAuthenticated != true
        && !request.Cookies.ContainsKey(FreshCookie)
        && !request.Path.StartsWithSegments("/newsroom")
        && !request.Path.StartsWithSegments("/account");

    /// <summary>Marks a browser that wrote something, so its next reads go to the primary. View beacons write nothing a reader reads back.</summary>
    public static IApplicationBuilder UseReplicaRouting(this IApplicationBuilder app, IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration.GetConnectionString("BroadsheetReplica")) ? app : app.Use((context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
                && !context.Request.Path.StartsWithSegments("/api/views"))
                context.Response.OnStarting(() =>
                {
                    context.Response.Cookies.Append(FreshCookie, "1", new CookieOptions
                    {
                        MaxAge = FreshFor, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, IsEssential = true,
                    });
                    return Task.CompletedTask;
                });
            return next(context);
        });
}
