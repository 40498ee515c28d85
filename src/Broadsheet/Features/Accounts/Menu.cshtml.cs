using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Features.Accounts;

/// <summary>
/// The account menu for the masthead, as a fragment the page's script puts in place: every page is cached
/// for everyone, so the menu is fetched per reader and never cached. Nobody signed in: 204, and the page
/// keeps its "Sign in" link.
/// </summary>
public sealed class MenuModel(UserManager<Account> accounts) : PageModel
{
    public Account Reader { get; private set; } = null!;
    public string? Back { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? back)
    {
        Response.Headers.CacheControl = "no-store";
        if (await accounts.GetUserAsync(User) is not { } account) return new NoContentResult();
        Reader = account;
        Back = ReturnPath.Checked(back);
        return Page();
    }
}
