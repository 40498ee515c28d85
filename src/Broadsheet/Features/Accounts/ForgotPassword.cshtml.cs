using Broadsheet.Features.Shared;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Features.Accounts;

/// <summary>Mails a reset link. The answer is the same whether or not the address has an account, so the page tells nobody who reads here.</summary>
public sealed class ForgotPasswordModel(UserManager<Account> accounts, ReaderMail mail, SiteContext site, PageMeta meta, ILogger<ForgotPasswordModel> log) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    public bool Sent { get; private set; }

    public void OnGet() => Describe();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Describe();
        if (AccountInput.EmailProblem(Email, site.Text.Accounts) is { } problem) ModelState.AddModelError(nameof(Email), problem);
        if (!ModelState.IsValid) return Page();
        Sent = true;
        if (await accounts.FindByEmailAsync(Email!.Trim()) is not { } account) return Page();
        try
        {
            // Resetting through the mailed link proves the address, so it confirms an unconfirmed account too.
            await mail.ResetAsync(account.Email!, await ReaderLinks.ResetAsync(accounts, account), ct);
        }
        catch (MailNotSentException e) { log.LogWarning(e, "Could not send a password reset"); }
        return Page();
    }

    private void Describe()
    {
        meta.Title = site.Text.Accounts.ForgotTitle;
        meta.NoIndex = true;
    }
}
