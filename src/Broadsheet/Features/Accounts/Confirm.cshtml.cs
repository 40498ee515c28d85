using Broadsheet.Features.Shared;
using Broadsheet.Features.Site;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Features.Accounts;

/// <summary>The link from the confirmation mail. Confirming is idempotent, so a mail scanner opening it first does no harm.</summary>
public sealed class ConfirmModel(UserManager<Account> accounts, SiteContext site, PageMeta meta) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? id, string? token)
    {
        meta.Title = site.Text.Accounts.ConfirmTitle;
        meta.NoIndex = true;
        if (id is null || token is null || await accounts.FindByIdAsync(id) is not { } account) return;
        Confirmed = account.EmailConfirmed || (await accounts.ConfirmEmailAsync(account, ReaderLinks.Decode(token))).Succeeded;
    }
}
