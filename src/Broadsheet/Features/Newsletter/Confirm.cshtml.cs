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

    public IActionResult OnGet(string? token, bool done)
    {
        meta.Title = Text.ConfirmTitle;
        meta.NoIndex = true;
        if (done) { Outcome = LinkOutcome.Done; return Page(); }
        if (tokens.ReadConfirmation(token) is null) return Invalid();
        Token = token!;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? token, CancellationToken ct)
    {
        meta.Title = Text.ConfirmTitle;
        meta.NoIndex = true;
        if (!await subscriptions.ConfirmAsync(token, ct)) return Invalid();
        return RedirectToPage(new { done = true });
    }

    private PageResult Invalid()
    {
        Outcome = LinkOutcome.Invalid;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
