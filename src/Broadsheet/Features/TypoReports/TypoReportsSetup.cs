namespace Broadsheet.Features.TypoReports;

public static class TypoReportsSetup
{
    public static IServiceCollection AddTypoReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(TypoReportOptions.Section).Get<TypoReportOptions>() ?? new TypoReportOptions());
        services.AddRateLimiter(o => o.AddPolicy<string, TypoReportRateLimit>(TypoReportRateLimit.Name));
        services.AddSingleton<MarkdownFix>();
        services.AddSingleton<TypoFixes>();
        return services;
    }

    public static IEndpointRouteBuilder MapTypoReports(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/typo-reports", TypoReportEndpoint.PostAsync).RequireRateLimiting(TypoReportRateLimit.Name);
        return app;
    }
}
