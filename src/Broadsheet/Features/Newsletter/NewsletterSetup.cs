using System.Threading.RateLimiting;
using Broadsheet.Features.Site;
using Microsoft.AspNetCore.RateLimiting;

namespace Broadsheet.Features.Newsletter;

public static class NewsletterSetup
{
    public static IServiceCollection AddNewsletter(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Broadsheet:Newsletter").Get<NewsletterOptions>() ?? new NewsletterOptions();
        services.AddSingleton(options);
        services.AddSingleton<NewsletterTokens>();
        services.AddSingleton<NewsletterLinks>();
        services.AddSingleton<SignUpLimits>();
        services.AddSingleton<DigestDispatch>();
        services.AddScoped<Subscriptions>();
        services.AddScoped<DigestEditions>();
        services.AddScoped<NewsletterDesk>();
        services.AddSingleton<NewsletterSchedule>();
        services.AddHostedService(sp => sp.GetRequiredService<NewsletterSchedule>());
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(SignUpLimits.ClientPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, options.SignUpsPerClientPer10Minutes),
                    Window = TimeSpan.FromMinutes(10),
                    QueueLimit = 0,
                }));
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var site = http.RequestServices.GetRequiredService<SiteContext>();
                http.Response.Headers.RetryAfter = "600";
                var json = http.Request.Path.StartsWithSegments("/api");
                await SignUpEndpoints.TooMany(site, json).ExecuteAsync(http);
            };
        });
        return services;
    }

    public static IEndpointRouteBuilder MapNewsletter(this IEndpointRouteBuilder app)
    {
        // Neither endpoint binds [FromForm], so neither carries antiforgery metadata: both rely on the same-origin check instead.
        app.MapPost("/newsletter/sign-up", SignUpEndpoints.FormAsync).RequireRateLimiting(SignUpLimits.ClientPolicy).DisableAntiforgery();
        app.MapPost("/api/newsletter/subscriptions", SignUpEndpoints.JsonAsync).RequireRateLimiting(SignUpLimits.ClientPolicy);
        return app;
    }
}
