using Broadsheet.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;

namespace Broadsheet.Features.Accounts;

/// <summary>
/// Identity's lookup keys, with addresses in <see cref="MailAddresses"/>' form first: an account
/// opened as <c>ольга@почта.рф</c> is found when its owner types the domain in punycode. For plain
/// ASCII addresses and role names the key is what Identity's own normalizer gives, so keys already
/// stored still match.
/// </summary>
public sealed class AddressNormalizer : ILookupNormalizer
{
    public string? NormalizeEmail(string? email) => email is null ? null : Key(MailAddresses.Normalise(email));

    // The user name is the address.
    public string? NormalizeName(string? name) => name is null ? null : Key(name.Contains('@') ? MailAddresses.Normalise(name) : name);

    private static string Key(string value) => value.Normalize().ToUpperInvariant();
}
