using Broadsheet.Features.Shared;
using Broadsheet.Features.Site;
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
        Code = code is >= 400 and <= 599 ? code : 404;
        if (!reExecuted) Response.StatusCode = Code;
        var t = site.Text;
        (Heading, Message) = Code switch
        {
            404 or 410 => (t.NotFoundTitle, t.NotFoundText),
            >= 400 and < 500 => (t.BadRequestTitle, t.NotFoundText),
            _ => (t.ErrorTitle, t.ErrorText),
        };
        meta.Title = Heading;
        meta.NoIndex = true;
    }
}
