using System.ComponentModel.DataAnnotations;
using Broadsheet.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Features.Accounts;

/// <summary>Where a setup or invitation link leads: the owner chooses a password, the link is spent.</summary>
public sealed class SetupModel(UserManager<Account> accounts, SignInManager<Account> signIn, PageMeta meta) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "account")] public string AccountId { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Token { get; set; } = "";
    [BindProperty] public SetupForm Input { get; set; } = new();
    public string? Email { get; private set; }
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        meta.Title = "Choose a password";
        meta.NoIndex = true;
        var account = await accounts.FindByIdAsync(AccountId);
        if (account is null || !await accounts.VerifyUserTokenAsync(account, accounts.Options.Tokens.PasswordResetTokenProvider, UserManager<Account>.ResetPasswordTokenPurpose, Token))
            Errors.Add(SpentLink);
        Email = account?.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        meta.Title = "Choose a password";
        meta.NoIndex = true;
        var account = await accounts.FindByIdAsync(AccountId);
        Email = account?.Email;
        if (!ModelState.IsValid) return Page();
        if (Input.Password != Input.Confirm) { Errors.Add("The two passwords differ."); return Page(); }
        if (account is null) { Errors.Add(SpentLink); return Page(); }
        var result = await accounts.ResetPasswordAsync(account, Token, Input.Password);
        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors.Select(e => e.Code == "InvalidToken" ? SpentLink : e.Description));
            return Page();
        }
        account.EmailConfirmed = true;
        await accounts.UpdateAsync(account);
        await signIn.SignInAsync(account, isPersistent: false);
        return Redirect("/newsroom");
    }

    private const string SpentLink = "This link has expired or has already been used. Ask an administrator for a new one.";
}

public sealed class SetupForm
{
    [Required, StringLength(200, MinimumLength = 10, ErrorMessage = "The password needs at least 10 characters.")]
    public string Password { get; set; } = "";
    [Required] public string Confirm { get; set; } = "";
}
