using Broadsheet.Features.Accounts;
using Broadsheet.Features.Audit;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Features.Newsroom;

/// <summary>
/// Each staff member's own sign-in security: passkeys (added with wwwroot/js/passkeys.js, removed with a button) and
/// two-step sign-in with an authenticator app (TOTP). Where the site requires one of them, staff without are sent here.
/// </summary>
public sealed class SecurityModel(UserManager<Account> accounts, SignInManager<Account> signIn, StrongSignIn rule, AuditLog audit,
    BroadsheetDb db, SiteContext site, PageMeta meta, Language.NewsroomWords words) : PageModel
{
    /// <summary>Enough for a phone, a laptop and a hardware key or two; past it the list is a sign of something wrong.</summary>
    public const int MaxPasskeys = 10;

    [BindProperty] public string? Code { get; set; }
    [TempData] public string? Notice { get; set; }
    public bool Enabled { get; private set; }
    public List<UserPasskeyInfo> Passkeys { get; private set; } = [];
    public bool MustEnrol { get; private set; }
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
            Error = words["That code is not right; type the six digits the app shows now."];
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

    public async Task<IActionResult> OnPostPasskeyOptionsAsync()
    {
        var account = await accounts.GetUserAsync(User);
        if (account is null) return Challenge();
        if ((await accounts.GetPasskeysAsync(account)).Count >= MaxPasskeys) return BadRequest();
        var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = account.Id, Name = account.Email ?? account.Id, DisplayName = account.DisplayName,
        });
        return Content(options, "application/json");
    }

    public async Task<IActionResult> OnPostPasskeyAsync(string? credential, string? name)
    {
        var account = await accounts.GetUserAsync(User);
        if (account is null) return Challenge();
        name = (name ?? "").Trim();
        if (credential is not { Length: > 0 and <= PasskeySignInModel.CredentialMax } || name.Length > 100) return BadRequest();
        if ((await accounts.GetPasskeysAsync(account)).Count >= MaxPasskeys)
        {
            Error = words["You have {0} passkeys already; remove one first.", MaxPasskeys];
            return await ShowAsync();
        }
        var attested = await signIn.PerformPasskeyAttestationAsync(credential);
        if (!attested.Succeeded)
        {
            Error = words["The passkey was not added:"] + " " + attested.Failure.Message;
            return await ShowAsync();
        }
        attested.Passkey.Name = name.Length > 0 ? name : words["Passkey of {0}", site.FormatTime(attested.Passkey.CreatedAt.UtcDateTime)];
        var added = await accounts.AddOrUpdatePasskeyAsync(account, attested.Passkey);
        if (!added.Succeeded)
        {
            Error = words["The passkey was not added:"] + " " + string.Join(" ", added.Errors.Select(e => e.Description));
            return await ShowAsync();
        }
        audit.Record(User, "passkey-add", details: attested.Passkey.Name);
        await db.SaveChangesAsync();
        await signIn.RefreshSignInAsync(account);
        Notice = words["The passkey is added; you can sign in with it now."];
        return Redirect("/newsroom/security");
    }

    public async Task<IActionResult> OnPostRemovePasskeyAsync(string? id)
    {
        var account = await accounts.GetUserAsync(User);
        if (account is null) return Challenge();
        byte[] credentialId;
        try { credentialId = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(id ?? ""); }
        catch (FormatException) { return BadRequest(); }
        if (await accounts.GetPasskeyAsync(account, credentialId) is not { } passkey) return NotFound();
        await accounts.RemovePasskeyAsync(account, credentialId);
        audit.Record(User, "passkey-remove", details: passkey.Name ?? "");
        await db.SaveChangesAsync();
        await signIn.RefreshSignInAsync(account);
        Notice = words["The passkey is removed."];
        return Redirect("/newsroom/security");
    }

    public static string IdOf(UserPasskeyInfo passkey) => Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(passkey.CredentialId);

    private async Task<IActionResult> ShowAsync()
    {
        meta.Title = words["Sign-in security"];
        meta.NoIndex = true;
        var account = await accounts.GetUserAsync(User);
        if (account is null) return Challenge();
        Passkeys = [.. (await accounts.GetPasskeysAsync(account)).OrderBy(p => p.CreatedAt)];
        MustEnrol = rule.AppliesTo(User) && !await rule.IsMetByAsync(account);
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
