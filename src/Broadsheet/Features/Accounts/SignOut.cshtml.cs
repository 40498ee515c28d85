using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Features.Accounts;

/// <summary>Sign-out is a POST with an antiforgery token, so that no image or link on another site can sign staff out.</summary>
public sealed class SignOutModel(SignInManager<Account> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/newsroom");

    /// <summary>A reader signing out from the masthead stays on the page they were reading.</summary>
    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        await signIn.SignOutAsync();
        return LocalRedirect(ReturnPath.Or(returnUrl, "/"));
    }
}
