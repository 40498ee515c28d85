using Broadsheet.Infrastructure;
using Broadsheet.Infrastructure.Caching;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Site;

public static class SiteSetup
{
    public static IServiceCollection AddSite(this IServiceCollection services, BroadsheetOptions options)
    {
        // Razor's encoder escapes every non-Latin letter by default, which makes a Russian page several
        // times heavier (and unreadable as source) for no safety gain: markup characters stay escaped.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddSingleton<SiteSettingsStore>();
        services.AddSingleton<ICachedCopy>(sp => sp.GetRequiredService<SiteSettingsStore>());
        // A mistyped address would otherwise read as "unknown" and quietly stop every mail with a link.
        if (!string.IsNullOrWhiteSpace(options.PublicUrl) && PublicOrigin.Normalize(options.PublicUrl) is null)
            throw new InvalidOperationException($"Broadsheet:PublicUrl \"{options.PublicUrl}\" is not an absolute http(s) address such as https://news.example.");
        services.AddSingleton<PublicOrigin>();
        services.AddScoped<PageMeta>();
        services.AddScoped(sp => sp.GetRequiredService<SiteSettingsStore>().Current);
        services.Configure<ForwardedHeadersOptions>(o => TrustedProxies.Configure(o, options.AllTrustedProxies));
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddExceptionHandler<FailureAnswer>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add<StrictBinding>());
        return services;
    }

    /// <summary>After the schema is up to date: the one settings row, on an empty database.</summary>
    public static async Task PrepareSettingsAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        if (!await db.SiteSettings.AnyAsync())
        {
            db.SiteSettings.Add(new SiteSettings());
            await db.SaveChangesAsync();
        }
        scope.ServiceProvider.GetRequiredService<SiteSettingsStore>().Forget();
    }

    /// <summary>Failures and error statuses answered with the site's error page, or problem details to JSON callers (<see cref="FailureAnswer"/>); the real status is kept.</summary>
    public static IApplicationBuilder UseErrorPages(this IApplicationBuilder app) =>
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error/500",
            StatusCodeSelector = FailureAnswer.StatusFor,
            SuppressDiagnosticsCallback = FailureAnswer.Quiet,
        }).UseStatusCodePagesWithReExecute("/error/{0}");

    /// <summary>Loads the settings before anything renders and writes the page in the site's culture.</summary>
    public static IApplicationBuilder UseSite(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var site = await context.RequestServices.GetRequiredService<SiteSettingsStore>().GetAsync(context.RequestAborted);
            System.Globalization.CultureInfo.CurrentCulture = site.Culture;
            System.Globalization.CultureInfo.CurrentUICulture = site.Culture;
            await next(context);
        });
}
