using System.ComponentModel.DataAnnotations;
using Broadsheet.Features.Site;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Features.Accounts;

/// <summary>The second step of signing in for accounts with an authenticator app: a six-digit code, or one of the recovery codes.</summary>
public sealed class TwoFactorModel(SignInManager<Account> signIn, AccountThrottle throttle, KnownDevice device, PageMeta meta) : PageModel
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
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } account) return Redirect("/account/sign-in");
        if (!ModelState.IsValid) return Page();
        var key = AccountThrottle.KeyOf(account.Email!);
        var address = AccountThrottle.AddressOf(HttpContext);
        if (await throttle.BeforeGuessAsync(AccountThrottle.Guess.TwoStep, address, key, device.Recognises(HttpContext, key)) is { } wait)
        {
            Error = $"Too many wrong codes. Please try again in {Wait(wait)}.";
            return ThrottledPage.For(this, wait);
        }
        var code = Code.Replace(" ", "").Replace("-", "");
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, Remember, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(Code.Trim());
        if (result.Succeeded)
        {
            device.Remember(HttpContext, key);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/newsroom");
        }
        await throttle.FailedAsync(AccountThrottle.Guess.TwoStep, address, key);
        Error = "That code is not right. Codes change every 30 seconds; check your device's clock.";
        return Page();
    }

    private static string Wait(TimeSpan wait) => ReaderAccountText.WaitFor(wait) switch
    {
        (var n, true) => $"{n} minute{(n == 1 ? "" : "s")}",
        var (n, _) => $"{n} second{(n == 1 ? "" : "s")}",
    };

    private void Describe()
    {
        meta.Title = "Two-step sign-in";
        meta.NoIndex = true;
    }
}
