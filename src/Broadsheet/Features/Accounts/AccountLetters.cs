using Broadsheet.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;

namespace Broadsheet.Features.Accounts;

/// <summary>
/// The account pages' mail, posted to the <see cref="MailOutbox"/>. Each letter looks the account up
/// itself, off the request, so a page does the same work, and answers as fast, whether the address
/// has an account or not; a letter for an address without one decides there is nothing to send.
/// </summary>
public static class AccountLetters
{
    public static void PostConfirmation(this MailOutbox outbox, string accountId, string origin) =>
        outbox.Post("account confirmation", async (services, _) =>
        {
            var accounts = services.GetRequiredService<UserManager<Account>>();
            if (await accounts.FindByIdAsync(accountId) is not { EmailConfirmed: false } account) return null;
            return services.GetRequiredService<ReaderMail>().Confirmation(account.Email!, await ReaderLinks.ConfirmAsync(accounts, account, origin));
        });

    /// <summary>Resetting through the mailed link proves the address, so it confirms an unconfirmed account too.</summary>
    public static void PostReset(this MailOutbox outbox, string email, string origin) =>
        outbox.Post("password reset", async (services, _) =>
        {
            var accounts = services.GetRequiredService<UserManager<Account>>();
            if (await accounts.FindByEmailAsync(email) is not { } account) return null;
            return services.GetRequiredService<ReaderMail>().Reset(account.Email!, await ReaderLinks.ResetAsync(accounts, account, origin));
        });

    /// <summary>A confirmation link again, only for an account that still needs one.</summary>
    public static void PostResend(this MailOutbox outbox, string email, string origin) =>
        outbox.Post("account confirmation again", async (services, _) =>
        {
            var accounts = services.GetRequiredService<UserManager<Account>>();
            if (await accounts.FindByEmailAsync(email) is not { EmailConfirmed: false } account) return null;
            return services.GetRequiredService<ReaderMail>().Confirmation(account.Email!, await ReaderLinks.ConfirmAsync(accounts, account, origin));
        });

    /// <summary>
    /// A sign-up with an address that has an account: an unconfirmed one gets its confirmation link
    /// again (most often its owner signing up twice), a confirmed one hears that someone tried.
    /// </summary>
    public static void PostSignUpAgain(this MailOutbox outbox, string email, string origin) =>
        outbox.Post("sign-up with a taken address", async (services, _) =>
        {
            var accounts = services.GetRequiredService<UserManager<Account>>();
            if (await accounts.FindByEmailAsync(email) is not { } account) return null;
            var mail = services.GetRequiredService<ReaderMail>();
            return account.EmailConfirmed
                ? mail.SignUpAgain(account.Email!, ReaderLinks.SignIn(origin), ReaderLinks.Forgot(origin))
                : mail.Confirmation(account.Email!, await ReaderLinks.ConfirmAsync(accounts, account, origin));
        });
}
