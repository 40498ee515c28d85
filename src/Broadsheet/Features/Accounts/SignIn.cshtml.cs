using Broadsheet.Infrastructure.Mail;
using Broadsheet.Features.Site;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Features.Accounts;

/// <summary>Shared by readers and staff; staff go on to the two-step page, which is staff-only and English.</summary>
public sealed class SignInModel(SignInManager<Account> signIn, AccountThrottle throttle, KnownDevice device, DecoyPassword decoy, SiteContext site, PageMeta meta) : PageModel
{
    private ReaderAccountText Text => ReaderAccountText.For(site);

    [BindProperty] public SignInForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet() => Describe();

    public async Task<IActionResult> OnPostAsync()
    {
        Describe();
        foreach (var (field, message) in Input.Problems(Text)) ModelState.AddModelError($"{nameof(Input)}.{field}", message);
        if (!ModelState.IsValid) return Page();

        // Everything up to the answer is the same work whether the address has an account or not.
        var email = MailAddresses.Normalise(Input.Email!);
        var key = AccountThrottle.KeyOf(email);
        var address = AccountThrottle.AddressOf(HttpContext);
        if (await throttle.BeforeGuessAsync(AccountThrottle.Guess.SignIn, address, key, device.Recognises(HttpContext, key)) is { } wait)
        {
            Error = Text.TooManyForAccount(wait);
            return ThrottledPage.For(this, wait);
        }
        var account = await signIn.UserManager.FindByEmailAsync(email);
        var result = Microsoft.AspNetCore.Identity.SignInResult.Failed;
        // Without an account, the same password check against the decoy; its answer is ignored (nobody knows its password anyway).
        if (account is null) await signIn.CheckPasswordSignInAsync(decoy.Nobody(), Input.Password!, lockoutOnFailure: false);
        else result = await signIn.PasswordSignInAsync(account, Input.Password!, Input.Remember, lockoutOnFailure: false);

        // A two-step account's browser is remembered once the code is right too (TwoFactorModel).
        if (result.Succeeded) device.Remember(HttpContext, key);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnPath.Checked(ReturnUrl) is { } back ? back : await HomeAsync(account!));
        if (result.RequiresTwoFactor) return RedirectToPage("/Accounts/TwoFactor", new { ReturnUrl, Input.Remember });
        await throttle.FailedAsync(AccountThrottle.Guess.SignIn, address, key);
        Error = Text.WrongCredentials;
        return Page();
    }

    /// <summary>Readers have no newsroom to go to: they land on the front page.</summary>
    private async Task<string> HomeAsync(Account account) =>
        await signIn.UserManager.IsInRoleAsync(account, StaffRoles.Reader) ? "/" : "/newsroom";

    private void Describe()
    {
        meta.Title = Text.SignInTitle;
        meta.NoIndex = true;
    }
}

public sealed class SignInForm
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public bool Remember { get; set; }

    public IEnumerable<(string Field, string Message)> Problems(ReaderAccountText text)
    {
        if (AccountInput.EmailProblem(Email, text) is { } email) yield return (nameof(Email), email);
        if (AccountInput.PasswordProblem(Password, text) is { } password) yield return (nameof(Password), password);
    }
}
