using Broadsheet.Features.Site;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Features.Accounts;

/// <summary>
/// A reader deletes their own account. The comments stay under the articles (the discussion would not
/// make sense with holes in it), shown as from a deleted account: the database unlinks them.
/// Staff accounts are removed by an admin, not here.
/// </summary>
[Authorize(Roles = StaffRoles.Reader)]
public sealed class DeleteAccountModel(UserManager<Account> accounts, SignInManager<Account> signIn, SiteContext site, PageMeta meta) : PageModel
{
    [BindProperty] public string Password { get; set; } = "";
    public string? Error { get; private set; }

    public void OnGet() => Describe();

    public async Task<IActionResult> OnPostAsync()
    {
        Describe();
        if (await accounts.GetUserAsync(User) is not { } account) return Challenge();
        if (!await accounts.CheckPasswordAsync(account, Password)) { Error = ReaderAccountText.For(site).WrongPassword; return Page(); }
        await accounts.DeleteAsync(account);
        await signIn.SignOutAsync();
        return Redirect("/");
    }

    private void Describe()
    {
        meta.Title = ReaderAccountText.For(site).DeleteTitle;
        meta.NoIndex = true;
    }
}
