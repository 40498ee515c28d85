using System.ComponentModel.DataAnnotations;
using Broadsheet.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Features.Accounts;

public sealed class SignInModel(SignInManager<Account> signIn, PageMeta meta) : PageModel
{
    [BindProperty] public SignInForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet() => Describe();

    public async Task<IActionResult> OnPostAsync()
    {
        Describe();
        if (!ModelState.IsValid) return Page();
        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.Remember, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : await HomeAsync());
        if (result.RequiresTwoFactor) return RedirectToPage("/Accounts/TwoFactor", new { ReturnUrl, Input.Remember });
        Error = result.IsLockedOut
            ? "Too many failed attempts. The account is locked for 15 minutes."
            : "The e-mail or the password is wrong.";
        return Page();
    }

    /// <summary>Readers have no newsroom to go to: they land on the front page.</summary>
    private async Task<string> HomeAsync() =>
        await signIn.UserManager.FindByEmailAsync(Input.Email.Trim()) is { } account && await signIn.UserManager.IsInRoleAsync(account, StaffRoles.Reader)
            ? "/" : "/newsroom";

    private void Describe()
    {
        meta.Title = "Sign in";
        meta.NoIndex = true;
    }
}

public sealed class SignInForm
{
    [Required, EmailAddress, StringLength(256)] public string Email { get; set; } = "";
    [Required, StringLength(200)] public string Password { get; set; } = "";
    public bool Remember { get; set; }
}
