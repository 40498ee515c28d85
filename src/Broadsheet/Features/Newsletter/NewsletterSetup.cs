using Broadsheet.Infrastructure.Jobs;

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
        services.AddJob<NewsletterSchedule>();
        services.AddJob<DigestHour>();
        services.AddRateLimiter(o => o.AddPolicy<string, SignUpRateLimit>(SignUpRateLimit.Name));
        return services;
    }

    public static IEndpointRouteBuilder MapNewsletter(this IEndpointRouteBuilder app)
    {
        // Neither endpoint binds [FromForm], so neither carries antiforgery metadata: both rely on the same-origin check instead.
        app.MapPost("/newsletter/sign-up", SignUpEndpoints.FormAsync).RequireRateLimiting(SignUpRateLimit.Name).DisableAntiforgery();
        app.MapPost("/api/newsletter/subscriptions", SignUpEndpoints.JsonAsync).RequireRateLimiting(SignUpRateLimit.Name);
        return app;
    }
}
