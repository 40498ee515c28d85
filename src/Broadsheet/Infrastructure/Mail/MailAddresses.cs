using System.Globalization;
using System.Text;

namespace Broadsheet.Infrastructure.Mail;

/// <summary>
/// The one form an address is kept and compared in, so that <c>ольга@почта.рф</c> and
/// <c>ольга@xn--80a1acny.xn--p1ai</c> are the same reader: the local part as typed (NFC), the domain
/// in Unicode, NFC, lower case. Domains are case-blind and punycode is only their ASCII spelling;
/// the local part belongs to the receiving server, so its case is left alone.
/// </summary>
public static class MailAddresses
{
    private static readonly IdnMapping Idn = new();

    /// <summary>The address in its kept form; what cannot be read as local@domain comes back only trimmed, for the caller's check to refuse.</summary>
    public static string Normalise(string address)
    {
        var trimmed = address.Trim();
        var at = trimmed.LastIndexOf('@');
        if (at <= 0 || at == trimmed.Length - 1) return trimmed;
        var local = trimmed[..at].Normalize(NormalizationForm.FormC);
        var domain = trimmed[(at + 1)..].Normalize(NormalizationForm.FormC).ToLowerInvariant();
        try { domain = Idn.GetUnicode(Idn.GetAscii(domain)).Normalize(NormalizationForm.FormC).ToLowerInvariant(); }
        catch (ArgumentException) { }
        return local + "@" + domain;
    }

    /// <summary>The domain spelled in ASCII (punycode), as DNS and an SMTP server without SMTPUTF8 want it; null when it is no domain.</summary>
    public static string? AsciiDomain(string address)
    {
        var at = address.LastIndexOf('@');
        if (at < 0 || at == address.Length - 1) return null;
        try { return Idn.GetAscii(address[(at + 1)..]); }
        catch (ArgumentException) { return null; }
    }
}
