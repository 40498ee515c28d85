using Broadsheet.Features.Site;
using Microsoft.AspNetCore.Identity;

namespace Broadsheet.Features.Accounts;

/// <summary>
/// Identity's errors in the site's language, worded for a reader (their user name is their e-mail
/// address). Only those a reader can meet are reworded; the rest (roles, logins, recovery codes) are
/// staff matters and keep Identity's English. The settings are read when an error is described, not
/// when the describer is made: a UserManager is also made at start-up, before the database is ready.
/// </summary>
public sealed class SiteIdentityErrors(SiteSettingsStore settings) : IdentityErrorDescriber
{
    private ReaderAccountText Text => ReaderAccountText.For(settings.Current);

    public override IdentityError DefaultError() => Error(base.DefaultError(), Text.AccountError);
    public override IdentityError ConcurrencyFailure() => Error(base.ConcurrencyFailure(), Text.ChangedMeanwhile);
    public override IdentityError PasswordMismatch() => Error(base.PasswordMismatch(), Text.WrongPassword);
    public override IdentityError InvalidToken() => Error(base.InvalidToken(), Text.LinkDead);
    public override IdentityError InvalidUserName(string? userName) => Error(base.InvalidUserName(userName), Text.EmailCharacters);
    public override IdentityError InvalidEmail(string? email) => Error(base.InvalidEmail(email), Text.EmailInvalid);
    public override IdentityError DuplicateUserName(string userName) => Error(base.DuplicateUserName(userName), Text.EmailRegistered);
    public override IdentityError DuplicateEmail(string email) => Error(base.DuplicateEmail(email), Text.EmailRegistered);
    public override IdentityError PasswordTooShort(int length) => Error(base.PasswordTooShort(length), Text.PasswordTooShort(length));

    // The code stays Identity's: pages tell errors apart by it (a duplicate address is not shown to strangers).
    private static IdentityError Error(IdentityError identity, string description) => new() { Code = identity.Code, Description = description };
}
