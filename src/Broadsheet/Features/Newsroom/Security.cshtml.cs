using Broadsheet.Features.Accounts;
using Broadsheet.Features.Shared;
using Broadsheet.Features.Site;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Features.Newsroom;

/// <summary>Each staff member's own two-step sign-in: turn it on with an authenticator app (TOTP), or off.</summary>
public sealed class SecurityModel(UserManager<Account> accounts, SignInManager<Account> signIn, SiteContext site, PageMeta meta) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    public bool Enabled { get; private set; }
    public string Key { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    public List<string> RecoveryCodes { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await ShowAsync();

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var account = await accounts.GetUserAsync(User);
        if (account is null) return Challenge();
        var code = (Code ?? "").Replace(" ", "");
        if (!await accounts.VerifyTwoFactorTokenAsync(account, accounts.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            Error = "That code is not right; type the six digits the app shows now.";
            return await ShowAsync();
        }
        await accounts.SetTwoFactorEnabledAsync(account, true);
        RecoveryCodes = [.. await accounts.GenerateNewTwoFactorRecoveryCodesAsync(account, 10) ?? []];
        await signIn.RefreshSignInAsync(account);
        return await ShowAsync();
    }

    /// <summary>Makes the authenticator key. A POST of its own because it changes the account (and its security stamp); opening the page never does.</summary>
    public async Task<IActionResult> OnPostKeyAsync()
    {
        var account = await accounts.GetUserAsync(User);
        if (account is null) return Challenge();
        if (!await accounts.GetTwoFactorEnabledAsync(account) && string.IsNullOrEmpty(await accounts.GetAuthenticatorKeyAsync(account)))
        {
            await accounts.ResetAuthenticatorKeyAsync(account);
            await signIn.RefreshSignInAsync(account);
        }
        return Redirect("/newsroom/security");
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var account = await accounts.GetUserAsync(User);
        if (account is null) return Challenge();
        await accounts.SetTwoFactorEnabledAsync(account, false);
        // A new key, so the old one on a lost phone is worthless if two-step sign-in is turned on again.
        await accounts.ResetAuthenticatorKeyAsync(account);
        await signIn.RefreshSignInAsync(account);
        return Redirect("/newsroom/security");
    }

    private async Task<IActionResult> ShowAsync()
    {
        meta.Title = "Two-step sign-in";
        meta.NoIndex = true;
        var account = await accounts.GetUserAsync(User);
        if (account is null) return Challenge();
        Enabled = await accounts.GetTwoFactorEnabledAsync(account);
        if (!Enabled && await accounts.GetAuthenticatorKeyAsync(account) is { Length: > 0 } key)
        {
            Key = key;
            var issuer = Uri.EscapeDataString(site.Settings.PublicationName);
            AuthenticatorUri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(account.Email ?? "")}?secret={Key}&issuer={issuer}&digits=6";
        }
        return Page();
    }
}
