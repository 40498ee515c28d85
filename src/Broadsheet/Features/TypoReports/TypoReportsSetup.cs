namespace Broadsheet.Features.TypoReports;

public static class TypoReportsSetup
{
    public static IServiceCollection AddTypoReports(this IServiceCollection services)
    {
        services.AddOptions<TypoReportOptions>().BindConfiguration(TypoReportOptions.Section);
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
