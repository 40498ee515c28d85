using Broadsheet.Features.Site;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Features.Accounts;

/// <summary>
/// Signing in with a passkey, from the button on the sign-in page (wwwroot/js/passkeys.js): the script asks for
/// the request options, the browser signs the challenge, and the form posts what it signed. The challenge waits in
/// Identity's own short-lived cookie, so options and answer must come from the same browser.
/// </summary>
public sealed class PasskeySignInModel(SignInManager<Account> signIn, SiteContext site, PageMeta meta) : PageModel
{
    /// <summary>What navigator.credentials.get() answered, as JSON; a real one is a few hundred bytes.</summary>
    public const int CredentialMax = 16 * 1024;

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public IActionResult OnGet() => Redirect("/account/sign-in");

    public async Task<IActionResult> OnPostOptionsAsync() =>
        Content(await signIn.MakePasskeyRequestOptionsAsync(null), "application/json");

    public async Task<IActionResult> OnPostAsync(string? credential)
    {
        meta.Title = ReaderAccountText.For(site).SignInTitle;
        meta.NoIndex = true;
        if (credential is not { Length: > 0 and <= CredentialMax })
        {
            Error = ReaderAccountText.For(site).PasskeyFailed;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var result = await signIn.PasskeySignInAsync(credential);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/newsroom");
        Error = ReaderAccountText.For(site).PasskeyFailed;
        return Page();
    }
}
