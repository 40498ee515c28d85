using Broadsheet.Features.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Features.Newsletter;

/// <summary>
/// The link in the confirmation mail opens a page with a button rather than confirming on GET:
/// mail scanners (and link previews) open every link in a message, and double opt-in is
/// meant to prove that a person agreed.
/// </summary>
public sealed class ConfirmModel(Subscriptions subscriptions, NewsletterTokens tokens, SiteContext site, PageMeta meta) : PageModel
{
    public NewsletterText Text { get; } = NewsletterText.For(site);
    public string Token { get; private set; } = "";
    public LinkOutcome Outcome { get; private set; }

    /// <summary>The subscriber's managing token once confirmed, for the link to their preferences.</summary>
    public string? Manage { get; private set; }

    public IActionResult OnGet(string? token, bool done, string? manage)
    {
        meta.Title = Text.ConfirmTitle;
        meta.NoIndex = true;
        if (done)
        {
            Outcome = LinkOutcome.Done;
            Manage = tokens.ReadManaging(manage) is null ? null : manage;
            return Page();
        }
        if (tokens.ReadConfirmation(token) is null) return Invalid();
        Token = token!;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? token, CancellationToken ct)
    {
        meta.Title = Text.ConfirmTitle;
        meta.NoIndex = true;
        if (!await subscriptions.ConfirmAsync(token, ct)) return Invalid();
        // The same managing token every digest carries: whoever holds the confirmation link holds the mailbox.
        return RedirectToPage(new { done = true, manage = tokens.ForManaging(tokens.ReadConfirmation(token)!.Value) });
    }

    private PageResult Invalid()
    {
        Outcome = LinkOutcome.Invalid;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
