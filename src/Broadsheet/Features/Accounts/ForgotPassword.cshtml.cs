using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Features.Accounts;

/// <summary>Mails a reset link. The answer is the same whether or not the address has an account, so the page tells nobody who reads here.</summary>
public sealed class ForgotPasswordModel(MailOutbox outbox, AccountThrottle throttle, SiteContext site, PageMeta meta) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    public bool Sent { get; private set; }
    public string? Error { get; private set; }

    public void OnGet() => Describe();

    public async Task<IActionResult> OnPostAsync()
    {
        Describe();
        if (AccountInput.EmailProblem(Email, ReaderAccountText.For(site)) is { } problem) ModelState.AddModelError(nameof(Email), problem);
        if (!ModelState.IsValid) return Page();
        var email = Email!.Trim();
        // Per address mailed to as well as per client: a few links an hour, however many places ask.
        if (await throttle.BeforeMailAsync(AccountThrottle.Mailing.Forgot, AccountThrottle.AddressOf(HttpContext), AccountThrottle.KeyOf(email)) is { } wait)
        {
            Error = ReaderAccountText.For(site).TooManyTries(wait);
            return ThrottledPage.For(this, wait);
        }
        // The outbox looks the account up: this page does the same for an address with one and without.
        outbox.PostReset(email);
        Sent = true;
        return Page();
    }

    private void Describe()
    {
        meta.Title = ReaderAccountText.For(site).ForgotTitle;
        meta.NoIndex = true;
    }
}
