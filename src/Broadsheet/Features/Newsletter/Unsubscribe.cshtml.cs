using Broadsheet.Features.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Features.Newsletter;

/// <summary>
/// The address in every mail's List-Unsubscribe header. GET shows a button and changes nothing,
/// because scanners open links (RFC 8058 §3 says as much); POST unsubscribes. This page alone is
/// exempt from antiforgery: a mail client's one-click POST (body "List-Unsubscribe=One-Click")
/// comes without cookies or a form token, by design of RFC 8058, and the signed token in the
/// address is the proof that the request is about this subscriber. Forging it gains nothing
/// but unsubscribing someone whose token one already holds.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(Subscriptions subscriptions, NewsletterTokens tokens, SiteContext site, PageMeta meta) : PageModel
{
    public NewsletterText Text { get; } = NewsletterText.For(site);
    public string Token { get; private set; } = "";
    public LinkOutcome Outcome { get; private set; }

    public IActionResult OnGet(string? token)
    {
        meta.Title = Text.UnsubscribeTitle;
        meta.NoIndex = true;
        if (tokens.ReadManaging(token) is null) return Invalid();
        Token = token!;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? token, CancellationToken ct)
    {
        meta.Title = Text.UnsubscribeTitle;
        meta.NoIndex = true;
        if (!await subscriptions.UnsubscribeAsync(token, ct)) return Invalid();
        Outcome = LinkOutcome.Done;
        return Page();
    }

    private PageResult Invalid()
    {
        Outcome = LinkOutcome.Invalid;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
