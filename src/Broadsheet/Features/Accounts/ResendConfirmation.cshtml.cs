using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Features.Accounts;

/// <summary>A new confirmation link for an account not confirmed yet. Like the reset page, it answers the same for any address.</summary>
public sealed class ResendConfirmationModel(MailOutbox outbox, AccountThrottle throttle, SiteContext site, PageMeta meta) : PageModel
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
        if (await throttle.BeforeMailAsync(AccountThrottle.Mailing.Resend, AccountThrottle.AddressOf(HttpContext), AccountThrottle.KeyOf(email)) is { } wait)
        {
            Error = ReaderAccountText.For(site).TooManyTries(wait);
            return ThrottledPage.For(this, wait);
        }
        outbox.PostResend(email);
        Sent = true;
        return Page();
    }

    private void Describe()
    {
        meta.Title = ReaderAccountText.For(site).ResendTitle;
        meta.NoIndex = true;
    }
}
