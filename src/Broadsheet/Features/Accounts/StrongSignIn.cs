using System.Security.Claims;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Accounts;

/// <summary>
/// The site setting that administrators and editors (who can publish, and change who else can) need more than a
/// password: a passkey, or two-step sign-in. Having one is what counts, so the rule holds from the next sign-in on.
/// </summary>
public sealed class StrongSignIn(SiteContext site, UserManager<Account> accounts, BroadsheetDb db)
{
    public bool AppliesTo(ClaimsPrincipal user) =>
        site.Settings.StrongSignInForEditors && user.IsInAny(StaffRoles.Editors);

    public async Task<bool> IsMetByAsync(Account account) =>
        await accounts.GetTwoFactorEnabledAsync(account)
        || await db.UserPasskeys.AnyAsync(p => p.UserId == account.Id);
}
