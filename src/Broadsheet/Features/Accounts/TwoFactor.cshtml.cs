using System.ComponentModel.DataAnnotations;
using Broadsheet.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Features.Accounts;

/// <summary>The second step of signing in for accounts with an authenticator app: a six-digit code, or one of the recovery codes.</summary>
public sealed class TwoFactorModel(SignInManager<Account> signIn, PageMeta meta) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Type the code from your authenticator app."), StringLength(20)]
    public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public bool Remember { get; set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Describe();
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return Redirect("/account/sign-in");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Describe();
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return Redirect("/account/sign-in");
        if (!ModelState.IsValid) return Page();
        var code = Code.Replace(" ", "").Replace("-", "");
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, Remember, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(Code.Trim());
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/newsroom");
        Error = result.IsLockedOut
            ? "Too many failed attempts. The account is locked for 15 minutes."
            : "That code is not right. Codes change every 30 seconds; check your device's clock.";
        return Page();
    }

    private void Describe()
    {
        meta.Title = "Two-step sign-in";
        meta.NoIndex = true;
    }
}
