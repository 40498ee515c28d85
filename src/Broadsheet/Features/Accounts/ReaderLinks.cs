using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Broadsheet.Features.Accounts;

/// <summary>
/// The links mailed to readers, as paths: <see cref="ReaderMail"/> puts the public address in front
/// (never the request's host). The token travels base64url-encoded so no mail client breaks it.
/// </summary>
public static class ReaderLinks
{
    /// <summary>With <paramref name="returnUrl"/> (the article the reader signed up from) the confirmed page leads back there.</summary>
    public static async Task<string> ConfirmAsync(UserManager<Account> accounts, Account account, string? returnUrl = null) =>
        $"/account/confirm?id={Uri.EscapeDataString(account.Id)}&token={Encode(await accounts.GenerateEmailConfirmationTokenAsync(account))}"
        + (ReturnPath.Checked(returnUrl) is { } back ? "&returnUrl=" + Uri.EscapeDataString(back) : "");

    public static async Task<string> ResetAsync(UserManager<Account> accounts, Account account) =>
        $"/account/reset-password?id={Uri.EscapeDataString(account.Id)}&token={Encode(await accounts.GeneratePasswordResetTokenAsync(account))}";

    public static string SignIn(string origin) => $"{origin}/account/sign-in";

    public static string Forgot(string origin) => $"{origin}/account/forgot-password";

    public static string Decode(string token)
    {
        try { return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token)); }
        catch (FormatException) { return ""; }
    }

    private static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
}
