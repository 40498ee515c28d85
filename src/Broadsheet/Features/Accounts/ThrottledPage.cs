using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Features.Accounts;

/// <summary>The account forms' 429: the form again with the reason in the site's language, and Retry-After in whole seconds.</summary>
public static class ThrottledPage
{
    public static PageResult For(PageModel page, TimeSpan wait)
    {
        page.Response.Headers.RetryAfter = Seconds(wait);
        var result = page.Page();
        result.StatusCode = StatusCodes.Status429TooManyRequests;
        return result;
    }

    public static string Seconds(TimeSpan wait) => Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
