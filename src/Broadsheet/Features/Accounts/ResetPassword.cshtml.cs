using System.ComponentModel.DataAnnotations;
using Broadsheet.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Features.Accounts;

public sealed class ResetPasswordModel(UserManager<Account> accounts, PageMeta meta) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Token { get; set; } = "";
    [BindProperty, Required, StringLength(200, MinimumLength = 10, ErrorMessage = "A password has at least 10 characters.")] public string Password { get; set; } = "";
    public bool Done { get; private set; }
    public List<string> Errors { get; } = [];

    public void OnGet() => Describe();

    public async Task<IActionResult> OnPostAsync()
    {
        Describe();
        if (!ModelState.IsValid) return Page();
        if (await accounts.FindByIdAsync(Id) is not { } account) { Errors.Add("This link does not work any more."); return Page(); }
        var result = await accounts.ResetPasswordAsync(account, ReaderLinks.Decode(Token), Password);
        if (!result.Succeeded) { Errors.AddRange(result.Errors.Select(e => e.Code == "InvalidToken" ? "This link does not work any more." : e.Description)); return Page(); }
        if (!account.EmailConfirmed)
        {
            account.EmailConfirmed = true;
            await accounts.UpdateAsync(account);
        }
        Done = true;
        return Page();
    }

    private void Describe()
    {
        meta.Title = "Choose a new password";
        meta.NoIndex = true;
    }
}
