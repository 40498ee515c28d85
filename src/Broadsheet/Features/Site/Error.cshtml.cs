using Broadsheet.Features.Site;
using System.Globalization;
using Broadsheet.Infrastructure.Data.Faults;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Features.Site;

/// <summary>The page readers get for a 404, a 400 or a failure; the status code stays what it was.</summary>
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public sealed class ErrorModel(SiteContext site, PageMeta meta) : PageModel
{
    public int Code { get; private set; }
    public string Heading { get; private set; } = "";
    public string Message { get; private set; } = "";

    public void OnGet(int code) => Show(code);
    public void OnPost(int code) => Show(code);

    private void Show(int code)
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        // After an exception the route says 500, but the handler may have chosen another status (503 for a storage fault).
        Code = reExecuted && Response.StatusCode >= 400 ? Response.StatusCode : code is >= 400 and <= 599 ? code : 404;
        if (!reExecuted) Response.StatusCode = Code;
        if (Code == StatusCodes.Status503ServiceUnavailable) Response.Headers.RetryAfter = WriteOutage.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        var t = site.Text;
        (Heading, Message) = Code switch
        {
            404 or 410 => (t.NotFoundTitle, t.NotFoundText),
            503 => (t.UnavailableTitle, t.UnavailableText),
            >= 400 and < 500 => (t.BadRequestTitle, t.NotFoundText),
            _ => (t.ErrorTitle, t.ErrorText),
        };
        meta.Title = Heading;
        meta.NoIndex = true;
    }
}
