using Broadsheet.Features.Site;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Features.Accounts;

/// <summary>
/// The link from the confirmation mail. Opening it only checks the link and offers a button; the button confirms.
/// A mail scanner that opens every link therefore confirms nothing on the reader's behalf, and no GET changes an account.
/// </summary>
public sealed class ConfirmModel(UserManager<Account> accounts, SiteContext site, PageMeta meta) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    /// <summary>The article the reader signed up from, carried by the mailed link.</summary>
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public bool Confirmed { get; private set; }
    public bool Valid { get; private set; }

    public async Task OnGetAsync()
    {
        Describe();
        if (await AccountAsync() is not { } account) return;
        Confirmed = account.EmailConfirmed;
        Valid = Confirmed || await accounts.VerifyUserTokenAsync(account, accounts.Options.Tokens.EmailConfirmationTokenProvider,
            UserManager<Account>.ConfirmEmailTokenPurpose, ReaderLinks.Decode(Token!));
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Describe();
        if (await AccountAsync() is { } account)
            Confirmed = account.EmailConfirmed || (await accounts.ConfirmEmailAsync(account, ReaderLinks.Decode(Token!))).Succeeded;
        Valid = Confirmed;
        return Page();
    }

    private async Task<Account?> AccountAsync() =>
        Id is null || Token is null ? null : await accounts.FindByIdAsync(Id);

    private void Describe()
    {
        meta.Title = ReaderAccountText.For(site).ConfirmTitle;
        meta.NoIndex = true;
    }
}
