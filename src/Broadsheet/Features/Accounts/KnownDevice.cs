using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Broadsheet.Features.Accounts;

/// <summary>
/// A cookie that says "this browser has signed in to these accounts before" (OWASP's device cookie).
/// It is set when a password proves right, or a mailed reset link is used, and lets its holder skip
/// the per-account wait of <see cref="AccountThrottle"/>: an attacker hammering an account from other
/// addresses slows only browsers that never signed in to it. Protected with the key ring, so it
/// cannot be forged or carried to another account; it holds the accounts' throttle keys, not addresses.
/// </summary>
public sealed class KnownDevice(IDataProtectionProvider protection)
{
    public const string CookieName = "broadsheet.device";
    private const int MaxAccounts = 5;

    private readonly IDataProtector protector = protection.CreateProtector("Broadsheet.Accounts.KnownDevice");

    public bool Recognises(HttpContext http, string accountKey) => Keys(http).Contains(accountKey);

    public void Remember(HttpContext http, string accountKey)
    {
        var keys = Keys(http).Where(k => k != accountKey).Prepend(accountKey).Take(MaxAccounts);
        http.Response.Cookies.Append(CookieName, protector.Protect(string.Join(',', keys)), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
        });
    }

    private string[] Keys(HttpContext http)
    {
        if (http.Request.Cookies[CookieName] is not { Length: > 0 } cookie) return [];
        try { return protector.Unprotect(cookie).Split(','); }
        catch (CryptographicException) { return []; }
    }
}
