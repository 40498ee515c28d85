using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Features.Accounts;

/// <summary>Sign-out is a POST with an antiforgery token, so that no image or link on another site can sign staff out.</summary>
public sealed class SignOutModel(SignInManager<Account> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/newsroom");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/");
    }
}
