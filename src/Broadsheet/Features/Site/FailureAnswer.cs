using System.Globalization;
using Broadsheet.Infrastructure.Data.Faults;
using Microsoft.AspNetCore.Diagnostics;

namespace Broadsheet.Features.Site;

/// <summary>
/// What a request that failed with an exception is told. A storage fault (disk full, database
/// unreachable: <see cref="StorageFault"/>) is 503 with Retry-After, since the same request will work
/// once the fault is mended; anything else is 500. Callers that speak JSON (/api/…, or a request
/// that sends or accepts JSON) get problem details in the site's language; everyone else the site's
/// error page (<see cref="ErrorModel"/>), rendered with the same status.
/// </summary>
public sealed class FailureAnswer(WriteOutage outage, SiteSettingsStore settings) : IExceptionHandler
{
    public static int StatusFor(Exception exception) =>
        StorageFault.Is(exception) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;

    /// <summary>A storage fault is logged once per outage by <see cref="WriteOutage"/>, not once per request it fails.</summary>
    public static bool Quiet(ExceptionHandlerSuppressDiagnosticsContext context) => StorageFault.Is(context.Exception);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var fault = StorageFault.Of(exception);
        // Faults the database interceptor did not see (a raw connection) still begin an outage.
        if (fault is not null && !outage.IsOn) outage.Failed(fault);
        httpContext.Response.StatusCode = StatusFor(exception);
        if (fault is not null) httpContext.Response.Headers.RetryAfter = WriteOutage.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        if (!WantsJson(httpContext.Request)) return false;

        var text = await TextAsync(cancellationToken);
        var (title, detail) = fault is null ? (text.ErrorTitle, text.ErrorText) : (text.UnavailableTitle, text.UnavailableText);
        await TypedResults.Problem(detail, statusCode: httpContext.Response.StatusCode, title: title).ExecuteAsync(httpContext);
        return true;
    }

    public static bool WantsJson(HttpRequest request)
    {
        if (request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || request.HasJsonContentType()) return true;
        var accept = request.GetTypedHeaders().Accept;
        var json = accept.Where(a => a.MediaType.Value is "application/json" or "application/problem+json").Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        var html = accept.Where(a => a.MediaType.Value is "text/html").Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        return json > 0 && json >= html;
    }

    /// <summary>The site's language; English when the settings themselves cannot be read.</summary>
    private async ValueTask<UiText> TextAsync(CancellationToken ct)
    {
        try { return (await settings.GetAsync(ct)).Text; }
        catch (Exception e) when (StorageFault.Is(e)) { return UiText.English; }
    }
}
