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
/// but unsubscribing someone whose token one already holds. The page names the address and its
/// state, and offers the way back: a reader who clicked by mistake should not have to sign up again.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(Subscriptions subscriptions, SiteContext site, PageMeta meta) : PageModel
{
    public NewsletterText Text { get; } = NewsletterText.For(site);
    public string Token { get; private set; } = "";
    public LinkOutcome Outcome { get; private set; }
    public string Email { get; private set; } = "";
    public bool IsSubscribed { get; private set; }

    /// <summary>Just now subscribed again from this page.</summary>
    public bool Resubscribed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken ct) => await ShowAsync(token, ct);

    public async Task<IActionResult> OnPostAsync(string? token, CancellationToken ct)
    {
        if (!await subscriptions.UnsubscribeAsync(token, ct)) return Invalid();
        return await ShowAsync(token, ct);
    }

    public async Task<IActionResult> OnPostResubscribeAsync(string? token, CancellationToken ct)
    {
        if (!await subscriptions.ResubscribeAsync(token, ct)) return Invalid();
        Resubscribed = true;
        return await ShowAsync(token, ct);
    }

    private async Task<IActionResult> ShowAsync(string? token, CancellationToken ct)
    {
        meta.Title = Text.UnsubscribeTitle;
        meta.NoIndex = true;
        if (await subscriptions.FindByManagingTokenAsync(token, ct) is not { } subscriber) return Invalid();
        Token = token!;
        Email = subscriber.Email;
        IsSubscribed = subscriber.State != SubscriberState.Unsubscribed;
        Outcome = IsSubscribed ? LinkOutcome.Ask : LinkOutcome.Done;
        return Page();
    }

    private PageResult Invalid()
    {
        meta.Title = Text.UnsubscribeTitle;
        meta.NoIndex = true;
        Outcome = LinkOutcome.Invalid;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
