using Broadsheet.Features.Site;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Broadsheet.Features.Newsletter;

/// <summary>
/// The two ways in: the HTML form (footer, article pages, /newsletter), answered with a redirect
/// (post/redirect/get), and JSON for scripts, answered 202 Accepted. Both are same-origin
/// checked (see <see cref="SameOrigin"/>) and rate limited per client and per address.
/// </summary>
public static class SignUpEndpoints
{
    public const string ThanksPath = "/newsletter/thanks";

    public static async Task<IResult> FormAsync(HttpContext http, Subscriptions subscriptions, SignUpLimits limits, PublicOrigin publicOrigin, SiteContext site)
    {
        if (!SameOrigin.Allows(http.Request, publicOrigin)) return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        if (!http.Request.HasFormContentType) return TypedResults.BadRequest();
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var input = new SignUpForm
        {
            Email = form["email"],
            Rubrics = [.. form["rubrics"].Select(r => r ?? "")],
            Frequency = form["frequency"],
            Alerts = form["alerts"].Any(v => v is "true" or "on"),
        };
        var check = input.Check();
        if (check.Problem is { } problem) return TypedResults.Redirect($"/newsletter?problem={problem}#sign-up");
        if (await limits.WaitAsync(check.SignUp!.Email) is { } wait) return TooMany(http, site, json: false, wait);
        await subscriptions.SignUpAsync(check.SignUp, http.RequestAborted);
        return TypedResults.Redirect(ThanksPath);
    }

    public static async Task<IResult> JsonAsync(SignUpForm input, HttpContext http, Subscriptions subscriptions, SignUpLimits limits, PublicOrigin publicOrigin, SiteContext site)
    {
        if (!SameOrigin.Allows(http.Request, publicOrigin)) return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        var text = NewsletterText.For(site);
        var check = input.Check();
        if (check.Problem is { } problem) return TypedResults.BadRequest(new SignUpAnswer(problem.ToString(), text.Describe(problem)));
        if (await limits.WaitAsync(check.SignUp!.Email) is { } wait) return TooMany(http, site, json: true, wait);
        await subscriptions.SignUpAsync(check.SignUp, http.RequestAborted);
        // The same answer whether the address was new, pending or already confirmed.
        return TypedResults.Accepted((string?)null, new SignUpAnswer("accepted", $"{text.ThankYou} {text.CheckInbox}"));
    }

    /// <summary>The 429 for either limit, with Retry-After in whole seconds.</summary>
    public static IResult TooMany(HttpContext http, SiteContext site, bool json, TimeSpan wait)
    {
        http.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var message = NewsletterText.For(site).TooManyAttempts;
        return json
            ? TypedResults.Json(new SignUpAnswer(nameof(SignUpProblem.TooManyAttempts), message), statusCode: StatusCodes.Status429TooManyRequests)
            : TypedResults.Text(message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status429TooManyRequests);
    }
}

public sealed record SignUpAnswer(string Status, string Message);
