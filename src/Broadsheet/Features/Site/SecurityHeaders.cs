namespace Broadsheet.Features.Site;

/// <summary>
/// Headers every response carries. The policy allows no inline script at all: the few
/// scripts readers get are files under /js, which keeps an injected &lt;script&gt; inert.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; " +
        "frame-src " + EmbedFrames;

    /// <summary>
    /// The frames a reader opens by clicking an embedded post or video (Articles/Embeds), and nothing else:
    /// no script from those sites runs in the page, and until the click nothing is fetched from them.
    /// </summary>
    public const string EmbedFrames = "https://www.youtube-nocookie.com https://vk.com https://t.me https://platform.twitter.com";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var h = context.Response.Headers;
                h.ContentSecurityPolicy = ContentSecurityPolicy;
                h.XContentTypeOptions = "nosniff";
                h.XFrameOptions = "DENY";
                h["Referrer-Policy"] = "strict-origin-when-cross-origin";
                h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
                h["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
