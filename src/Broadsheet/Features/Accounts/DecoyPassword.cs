using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Broadsheet.Features.Accounts;

/// <summary>
/// A password hash that belongs to nobody. Signing in with an address that has no account checks
/// the typed password against it, so the answer takes as long as for an address with an account
/// (the hash is the slow part by design) and the clock tells nobody who has one.
/// </summary>
public sealed class DecoyPassword(IOptions<PasswordHasherOptions> options)
{
    private static readonly Account Nobody = new() { UserName = "nobody", Email = "nobody@invalid", DisplayName = "nobody" };
    // The same hasher, with the same settings, that Identity uses for real accounts (it is scoped there; this is for the app's life).
    private readonly PasswordHasher<Account> hasher = new(options);
    private readonly string hash = new PasswordHasher<Account>(options).HashPassword(Nobody, Guid.NewGuid().ToString("N"));

    public void Check(string password) => hasher.VerifyHashedPassword(Nobody, hash, password);
}
