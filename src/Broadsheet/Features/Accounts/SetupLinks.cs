using Microsoft.AspNetCore.Identity;

namespace Broadsheet.Features.Accounts;

/// <summary>
/// The one way into a new account: a link that lets its owner choose a password. Used for the
/// first administrator and for every invitation, so no account ever has a default password.
/// </summary>
public sealed class SetupLinks(UserManager<Account> accounts)
{
    public async Task<string> CreateAsync(Account account) =>
        $"/account/setup?account={Uri.EscapeDataString(account.Id)}&token={Uri.EscapeDataString(await accounts.GeneratePasswordResetTokenAsync(account))}";
}
