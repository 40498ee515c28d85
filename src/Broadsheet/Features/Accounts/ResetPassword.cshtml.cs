using Broadsheet.Features.Site;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Features.Accounts;

public sealed class ResetPasswordModel(UserManager<Account> accounts, KnownDevice device, SiteContext site, PageMeta meta) : PageModel
{
    private ReaderAccountText Text => ReaderAccountText.For(site);

    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Token { get; set; } = "";
    [BindProperty] public string? Password { get; set; }
    public bool Done { get; private set; }
    public List<string> Errors { get; } = [];

    public void OnGet() => Describe();

    public async Task<IActionResult> OnPostAsync()
    {
        Describe();
        if (AccountInput.NewPasswordProblem(Password, Text) is { } problem) ModelState.AddModelError(nameof(Password), problem);
        if (!ModelState.IsValid) return Page();
        if (await accounts.FindByIdAsync(Id) is not { } account) { Errors.Add(Text.LinkDead); return Page(); }
        var result = await accounts.ResetPasswordAsync(account, ReaderLinks.Decode(Token), Password!);
        if (!result.Succeeded) { Errors.AddRange(result.Errors.Select(e => e.Description)); return Page(); }
        if (!account.EmailConfirmed)
        {
            account.EmailConfirmed = true;
            await accounts.UpdateAsync(account);
        }
        // The mailed link proved the address: this browser may sign in to it without the per-account wait.
        device.Remember(HttpContext, AccountThrottle.KeyOf(account.Email!));
        Done = true;
        return Page();
    }

    private void Describe()
    {
        meta.Title = Text.ResetTitle;
        meta.NoIndex = true;
    }
}
