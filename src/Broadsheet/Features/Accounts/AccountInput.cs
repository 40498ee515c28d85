using System.ComponentModel.DataAnnotations;

namespace Broadsheet.Features.Accounts;

/// <summary>
/// The checks of the reader's account forms, with messages in the site's language. They are written
/// out rather than left to data annotations, whose messages would be English on a Russian site.
/// </summary>
public static class AccountInput
{
    public const int EmailMax = 256;
    public const int PasswordMin = 10;
    public const int PasswordMax = 200;

    private static readonly EmailAddressAttribute EmailShape = new();

    public static string? EmailProblem(string? email, ReaderAccountText text) =>
        string.IsNullOrWhiteSpace(email) ? text.EmailRequired
        : email.Trim().Length > EmailMax || !EmailShape.IsValid(email.Trim()) ? text.EmailInvalid
        : null;

    /// <summary>A password being chosen: at least <see cref="PasswordMin"/> characters, as NIST SP 800-63B advises.</summary>
    public static string? NewPasswordProblem(string? password, ReaderAccountText text) =>
        string.IsNullOrEmpty(password) ? text.PasswordRequired
        : password.Length < PasswordMin ? text.PasswordTooShort(PasswordMin)
        : password.Length > PasswordMax ? text.PasswordTooLong(PasswordMax)
        : null;

    /// <summary>A password being typed to sign in or confirm: only present and not absurdly long.</summary>
    public static string? PasswordProblem(string? password, ReaderAccountText text) =>
        string.IsNullOrEmpty(password) ? text.PasswordRequired
        : password.Length > PasswordMax ? text.PasswordTooLong(PasswordMax)
        : null;
}
