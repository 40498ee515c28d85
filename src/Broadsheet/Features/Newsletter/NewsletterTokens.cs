using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Broadsheet.Features.Newsletter;

/// <summary>
/// The signed links in newsletter mail: they stand in for a sign-in. Data Protection signs and
/// encrypts them with the site's key ring, each purpose with its own key, so a confirmation
/// token cannot be used to unsubscribe and nobody can forge one for another subscriber.
/// </summary>
public sealed class NewsletterTokens(IDataProtectionProvider provider, TimeProvider clock)
{
    // The expiry is written into the payload and checked against TimeProvider rather than with
    // ToTimeLimitedDataProtector(), whose check reads the machine clock and so could not be tested
    // with a moved clock; the protection (HMAC + encryption) is the same.
    private readonly IDataProtector confirm = provider.CreateProtector("Broadsheet.Newsletter.Confirm.v1");

    // Manage links (unsubscribe, preferences) do not expire: they sit in every mail ever sent, and
    // RFC 8058 expects the unsubscribe link in an old mail to keep working.
    private readonly IDataProtector manage = provider.CreateProtector("Broadsheet.Newsletter.Manage.v1");

    public string ForConfirmation(int subscriberId, TimeSpan validFor)
    {
        var expires = clock.GetUtcNow().Add(validFor).ToUnixTimeSeconds();
        return confirm.Protect(FormattableString.Invariant($"{subscriberId}|{expires}"));
    }

    public int? ReadConfirmation(string? token)
    {
        var parts = Unprotect(confirm, token)?.Split('|');
        if (parts is not [var id, var expires]) return null;
        if (!long.TryParse(expires, CultureInfo.InvariantCulture, out var at) || clock.GetUtcNow().ToUnixTimeSeconds() > at) return null;
        return int.TryParse(id, CultureInfo.InvariantCulture, out var subscriberId) ? subscriberId : null;
    }

    public string ForManaging(int subscriberId) => manage.Protect(subscriberId.ToString(CultureInfo.InvariantCulture));

    public int? ReadManaging(string? token) =>
        int.TryParse(Unprotect(manage, token), CultureInfo.InvariantCulture, out var id) ? id : null;

    private static string? Unprotect(IDataProtector protector, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000) return null;
        try { return protector.Unprotect(token); }
        catch (CryptographicException) { return null; }
        catch (FormatException) { return null; }
    }
}
