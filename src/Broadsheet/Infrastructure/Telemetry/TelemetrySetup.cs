using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Broadsheet.Infrastructure.Telemetry;

/// <summary>
/// Metrics and traces through OpenTelemetry: always collected in-process, exported only when
/// configured — a Prometheus scrape endpoint (Broadsheet:Telemetry:Prometheus) and/or OTLP
/// (the standard OTEL_EXPORTER_OTLP_ENDPOINT variable). Logs go to the console, as JSON with
/// Broadsheet:Telemetry:JsonLogs for a log shipper.
/// </summary>
public static class TelemetrySetup
{
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Broadsheet:Telemetry");
        var prometheus = section.GetValue<bool>("Prometheus");
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (section.GetValue<bool>("JsonLogs")) builder.Logging.AddJsonConsole();

        builder.Services.AddSingleton<SiteMetrics>();
        if (!prometheus && !otlp) return builder;

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("broadsheet", serviceInstanceId: Environment.MachineName + "/" + Environment.ProcessId))
            .WithMetrics(m =>
            {
                m.AddMeter(SiteMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.RateLimiting");
                if (prometheus) m.AddPrometheusExporter();
                if (otlp) m.AddOtlpExporter();
            });
        if (otlp) telemetry.WithTracing(t => t.AddAspNetCoreInstrumentation().AddOtlpExporter());
        return builder;
    }

    public static WebApplication MapTelemetry(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>("Broadsheet:Telemetry:Prometheus")) app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    /// <summary>
    /// Counts reader pages by whether the output cache answered: the inner marker runs only when
    /// a page is rendered, so a page that comes back without it came from the cache.
    /// </summary>
    public static IApplicationBuilder UsePageCacheMetrics(this IApplicationBuilder app, Action<IApplicationBuilder> cache)
    {
        var rendered = new object();
        app.Use(async (context, next) =>
        {
            await next(context);
            if (!HttpMethods.IsGet(context.Request.Method) || context.Response.StatusCode != StatusCodes.Status200OK) return;
            if (context.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) != true) return;
            context.RequestServices.GetRequiredService<SiteMetrics>().PageServed(fromCache: !context.Items.ContainsKey(rendered));
        });
        cache(app);
        return app.Use((context, next) =>
        {
            context.Items[rendered] = true;
            return next(context);
        });
    }
}
