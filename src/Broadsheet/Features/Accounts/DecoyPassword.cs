using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Broadsheet.Features.Accounts;

/// <summary>
/// An account that exists nowhere, with the hash of a password nobody knows. Signing in with an
/// address that has no account checks the typed password against it through the same
/// SignInManager path a real account's failure takes, so the answer takes as long (the hash is the
/// slow part by design) and the clock tells nobody who has an account. It is never saved.
/// </summary>
public sealed class DecoyPassword(IOptions<PasswordHasherOptions> options)
{
    // Identity's hasher with Identity's settings, hashed once for the app's life.
    private readonly string hash = new PasswordHasher<Account>(options).HashPassword(new Account(), Guid.NewGuid().ToString("N"));

    /// <summary>A fresh copy each time: the sign-in path may touch the object it is given.</summary>
    public Account Nobody() => new()
    {
        Id = "decoy", UserName = "nobody@invalid", Email = "nobody@invalid", DisplayName = "nobody",
        PasswordHash = hash, SecurityStamp = "decoy", LockoutEnabled = false,
    };
}
