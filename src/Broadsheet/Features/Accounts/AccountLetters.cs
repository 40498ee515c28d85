using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;

namespace Broadsheet.Features.Accounts;

/// <summary>
/// The account pages' mail, posted to the <see cref="MailOutbox"/>. Each letter looks the account up
/// itself, off the request, so a page does the same work, and answers as fast, whether the address
/// has an account or not; a letter for an address without one decides there is nothing to send.
/// Links start with the public address (<see cref="PublicOrigin"/>), never the request's host; while
/// that is unknown no letter carrying a link is written, and the log says so once.
/// </summary>
public static class AccountLetters
{
    public static void PostConfirmation(this MailOutbox outbox, string accountId, string? returnUrl = null) =>
        outbox.Post("account confirmation", async (services, ct) =>
        {
            var accounts = services.GetRequiredService<UserManager<Account>>();
            if (await accounts.FindByIdAsync(accountId) is not { EmailConfirmed: false } account) return null;
            if (await OriginAsync(services, "address confirmations", ct) is not { } origin) return null;
            return services.GetRequiredService<ReaderMail>().Confirmation(account.Email!, origin + await ReaderLinks.ConfirmAsync(accounts, account, returnUrl));
        });

    /// <summary>Resetting through the mailed link proves the address, so it confirms an unconfirmed account too.</summary>
    public static void PostReset(this MailOutbox outbox, string email) =>
        outbox.Post("password reset", async (services, ct) =>
        {
            var accounts = services.GetRequiredService<UserManager<Account>>();
            if (await accounts.FindByEmailAsync(email) is not { } account) return null;
            if (await OriginAsync(services, "password resets", ct) is not { } origin) return null;
            return services.GetRequiredService<ReaderMail>().Reset(account.Email!, origin + await ReaderLinks.ResetAsync(accounts, account));
        });

    /// <summary>A confirmation link again, only for an account that still needs one.</summary>
    public static void PostResend(this MailOutbox outbox, string email) =>
        outbox.Post("account confirmation again", async (services, ct) =>
        {
            var accounts = services.GetRequiredService<UserManager<Account>>();
            if (await accounts.FindByEmailAsync(email) is not { EmailConfirmed: false } account) return null;
            if (await OriginAsync(services, "address confirmations", ct) is not { } origin) return null;
            return services.GetRequiredService<ReaderMail>().Confirmation(account.Email!, origin + await ReaderLinks.ConfirmAsync(accounts, account));
        });

    /// <summary>
    /// A sign-up with an address that has an account: an unconfirmed one gets its confirmation link
    /// again (most often its owner signing up twice), a confirmed one hears that someone tried.
    /// </summary>
    public static void PostSignUpAgain(this MailOutbox outbox, string email) =>
        outbox.Post("sign-up with a taken address", async (services, ct) =>
        {
            var accounts = services.GetRequiredService<UserManager<Account>>();
            if (await accounts.FindByEmailAsync(email) is not { } account) return null;
            if (await OriginAsync(services, "sign-up notices", ct) is not { } origin) return null;
            var mail = services.GetRequiredService<ReaderMail>();
            return account.EmailConfirmed
                ? mail.SignUpAgain(account.Email!, ReaderLinks.SignIn(origin), ReaderLinks.Forgot(origin))
                : mail.Confirmation(account.Email!, origin + await ReaderLinks.ConfirmAsync(accounts, account));
        });

    private static ValueTask<string?> OriginAsync(IServiceProvider services, string what, CancellationToken ct) =>
        services.GetRequiredService<PublicOrigin>().ForLinksOutAsync(what, ct);
}
