using System.Net;
using Broadsheet.Features.Accounts;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Security;

/// <summary>
/// Sign-in, two-step codes, forgot-password, sign-up and resend-confirmation are throttled per client
/// address and per account; every refusal is a 429 with Retry-After and the form in the site's
/// language; nobody can lock an account; a mailbox gets a few links an hour at most.
/// </summary>
public sealed class AccountThrottleTests : IDisposable
{
    private readonly LoopbackSmtpServer smtp = new();
    private readonly AddressedApp app = new();

    public AccountThrottleTests()
    {
        smtp.Configure(app);
        app.Settings["Broadsheet:PublicUrl"] = "https://news.test";
    }

    public void Dispose()
    {
        app.Dispose();
        smtp.Dispose();
    }

    [Fact]
    public async Task Wrong_passwords_from_one_address_get_429_with_retry_after_until_its_window_closes()
    {
        app.Limit(nameof(AccountThrottleOptions.SignInPerAddress), 3, TimeSpan.FromMinutes(15));
        var attacker = app.From("203.0.113.7");
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await attacker.SignInAsync($"victim{i}@example.test", "not the password");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var refused = await attacker.SignInAsync("victim9@example.test", "not the password");
        using var elsewhere = await app.From("198.51.100.1").SignInAsync("victim9@example.test", "not the password");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(AccountForms.RetryAfter(refused), 1, 15 * 60);
        Assert.StartsWith("Too many failed attempts", await AccountForms.AlertAsync(refused));
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);

        app.Clock.Advance(TimeSpan.FromSeconds(AccountForms.RetryAfter(refused)));
        using var later = await attacker.SignInAsync("victim9@example.test", "not the password");
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task Failures_for_one_account_from_many_addresses_bring_growing_waits_never_a_lock()
    {
        var editor = await app.AccountAsync(StaffRoles.Editor);
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await app.From($"203.0.113.{i + 1}").SignInAsync(editor.Email!, "not the password");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        // Each further guess waits for the next slot; the slots double from 2 s to a minute.
        var waits = new List<int>();
        for (var i = 0; i < 8; i++)
        {
            using var refused = await app.From($"198.51.100.{i + 1}").SignInAsync(editor.Email!, "not the password");
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            waits.Add(AccountForms.RetryAfter(refused));
            app.Clock.Advance(TimeSpan.FromSeconds(waits[^1]));
            using var allowed = await app.From($"192.0.2.{i + 1}").SignInAsync(editor.Email!, "not the password");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        // Slots start at multiples of their length, so a wait is at most the slot, often less.
        Assert.InRange(waits[0], 1, 2);
        Assert.All(waits, w => Assert.InRange(w, 1, 60));
        Assert.InRange(waits.Take(4).Sum(), 4, 30);
        Assert.Equal([60, 60], waits[^2..]);
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Id == editor.Id).Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task The_administrator_signs_in_on_a_known_device_while_an_attacker_hammers_the_account()
    {
        var admin = await app.AccountAsync(StaffRoles.Admin);
        var owner = app.From("192.0.2.10");
        using (var first = await owner.SignInAsync(admin.Email!)) Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            using var guess = await app.From($"203.0.113.{i + 1}").SignInAsync(admin.Email!, $"guess number {i}");
            statuses.Add(guess.StatusCode);
        }
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(35, statuses.Count(s => s == HttpStatusCode.TooManyRequests));

        using var ownerAgain = await owner.SignInAsync(admin.Email!);
        Assert.Equal(HttpStatusCode.Redirect, ownerAgain.StatusCode);
        Assert.Equal("/newsroom", ownerAgain.Headers.Location!.OriginalString);

        // On a browser that never signed in, the owner waits like anyone else, at most a minute per
        // try (or resets the password by mail, which makes that browser known); never a lock.
        var newDevice = app.From("192.0.2.11");
        using var waiting = await newDevice.SignInAsync(admin.Email!);
        Assert.Equal(HttpStatusCode.TooManyRequests, waiting.StatusCode);
        Assert.InRange(AccountForms.RetryAfter(waiting), 1, 60);
        app.Clock.Advance(TimeSpan.FromSeconds(AccountForms.RetryAfter(waiting)));
        using var inAfterWaiting = await newDevice.SignInAsync(admin.Email!);
        Assert.Equal(HttpStatusCode.Redirect, inAfterWaiting.StatusCode);
    }

    [Fact]
    public async Task A_password_reset_by_mail_makes_the_browser_known_to_the_throttle()
    {
        var (account, _) = await CreateReaderAsync("hunted@example.test");
        for (var i = 0; i < 6; i++)
            (await app.From($"203.0.113.{i + 1}").SignInAsync(account, "not the password")).Dispose();
        var owner = app.From("192.0.2.20");
        using (var throttled = await owner.SignInAsync(account)) Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);

        using (await owner.ForgotAsync(account)) { }
        var mail = await smtp.WaitForMailToAsync(account);
        var link = mail.Text.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).First(w => w.Contains("/account/reset-password"));
        using (await owner.SubmitAsync(new Uri(link).PathAndQuery, null, ("Password", "a fresh new password"))) { }

        using var signedIn = await owner.SignInAsync(account, "a fresh new password");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task Wrong_two_step_codes_get_429_with_retry_after()
    {
        app.Limit(nameof(AccountThrottleOptions.TwoStepPerAccount), 2);
        var account = await app.AccountAsync(StaffRoles.Editor);
        var setup = await app.SignedInAsync(account);
        using (await setup.SubmitAsync("/newsroom/security", "Key")) { }
        var security = await setup.GetDocumentAsync("/newsroom/security");
        var key = security.QuerySelector("[data-authenticator-key]")!.TextContent.Trim();
        using (await setup.SubmitAsync(security, "/newsroom/security", "Enable", ("Code", Totp.Code(key, DateTimeOffset.UtcNow)))) { }

        var client = app.From("203.0.113.50");
        using var password = await client.SignInAsync(account.Email!);
        var twoStep = password.Headers.Location!.OriginalString;
        Assert.StartsWith("/account/two-factor", twoStep);
        var wrongCode = Totp.Code(key, DateTimeOffset.UtcNow.AddMinutes(10));
        for (var i = 0; i < 2; i++)
        {
            using var wrong = await client.SubmitAsync(twoStep, null, ("Code", wrongCode));
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        using var refused = await client.SubmitAsync(twoStep, null, ("Code", Totp.Code(key, DateTimeOffset.UtcNow)));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(AccountForms.RetryAfter(refused), 1, 2);
        Assert.StartsWith("Too many wrong codes", await AccountForms.AlertAsync(refused));
        app.Clock.Advance(TimeSpan.FromSeconds(AccountForms.RetryAfter(refused)));
        using var right = await client.SubmitAsync(twoStep, null, ("Code", Totp.Code(key, DateTimeOffset.UtcNow)));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
    }

    [Fact]
    public async Task Wrong_two_step_codes_from_one_address_get_429()
    {
        app.Limit(nameof(AccountThrottleOptions.TwoStepPerAddress), 1);
        var account = await app.AccountAsync(StaffRoles.Editor);
        var setup = await app.SignedInAsync(account);
        using (await setup.SubmitAsync("/newsroom/security", "Key")) { }
        var security = await setup.GetDocumentAsync("/newsroom/security");
        var key = security.QuerySelector("[data-authenticator-key]")!.TextContent.Trim();
        using (await setup.SubmitAsync(security, "/newsroom/security", "Enable", ("Code", Totp.Code(key, DateTimeOffset.UtcNow)))) { }

        var client = app.From("203.0.113.51");
        using var password = await client.SignInAsync(account.Email!);
        var twoStep = password.Headers.Location!.OriginalString;
        using (var wrong = await client.SubmitAsync(twoStep, null, ("Code", Totp.Code(key, DateTimeOffset.UtcNow.AddMinutes(10)))))
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        using var refused = await client.SubmitAsync(twoStep, null, ("Code", Totp.Code(key, DateTimeOffset.UtcNow)));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(AccountForms.RetryAfter(refused), 1, 15 * 60);
    }

    [Fact]
    public async Task At_most_three_reset_mails_an_hour_reach_one_account_however_many_addresses_ask()
    {
        var (account, _) = await CreateReaderAsync("inbox@example.test");
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 10; i++) answers.Add(await app.From($"203.0.113.{i + 1}").ForgotAsync(account));
        await app.OutboxDrainedAsync();

        Assert.Equal(3, smtp.To(account).Count);
        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.All(answers.Skip(3), a => Assert.Equal(HttpStatusCode.TooManyRequests, a.StatusCode));
        Assert.All(answers.Skip(3), a => Assert.InRange(AccountForms.RetryAfter(a), 1, 3600));
        Assert.StartsWith("Too many attempts", await AccountForms.AlertAsync(answers[^1]));
        foreach (var answer in answers) answer.Dispose();

        app.Clock.Advance(TimeSpan.FromHours(1));
        using (var nextHour = await app.From("198.51.100.1").ForgotAsync(account)) Assert.Equal(HttpStatusCode.OK, nextHour.StatusCode);
        await smtp.WaitForMailToAsync(account, 4);
    }

    [Fact]
    public async Task Forgot_password_from_one_address_gets_429_with_retry_after()
    {
        var client = app.From("203.0.113.60");
        for (var i = 0; i < 5; i++)
            using (var ok = await client.ForgotAsync($"someone{i}@example.test")) Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var refused = await client.ForgotAsync("someone9@example.test");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(AccountForms.RetryAfter(refused), 1, 15 * 60);
    }

    [Fact]
    public async Task Sign_ups_from_one_address_get_429_with_retry_after_and_send_no_more_mail()
    {
        var client = app.From("203.0.113.70");
        for (var i = 0; i < 5; i++)
            using (var ok = await client.SignUpAsync($"new{i}@example.test", $"Newcomer {(char)('a' + i)}")) Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var refused = await client.SignUpAsync("new9@example.test", "Newcomer z");
        await app.OutboxDrainedAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(AccountForms.RetryAfter(refused), 1, 3600);
        Assert.StartsWith("Too many attempts", await AccountForms.AlertAsync(refused));
        Assert.Empty(smtp.To("new9@example.test"));
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "new9@example.test")));
    }

    [Fact]
    public async Task Sign_ups_with_one_taken_address_send_its_owner_three_mails_an_hour_at_most()
    {
        var (account, _) = await CreateReaderAsync("taken@example.test");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
            using (var answer = await app.From($"203.0.113.{i + 1}").SignUpAsync(account, $"Impostor {(char)('a' + i)}")) statuses.Add(answer.StatusCode);
        await app.OutboxDrainedAsync();

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(3, smtp.To(account).Count);
    }

    [Fact]
    public async Task Resending_the_confirmation_is_throttled_and_mails_only_unconfirmed_accounts()
    {
        var client = app.From("203.0.113.80");
        using (await client.SignUpAsync("unconfirmed@example.test", "Late Reader")) { }
        await smtp.WaitForMailToAsync("unconfirmed@example.test");
        var (confirmed, _) = await CreateReaderAsync("confirmed@example.test");

        var resender = app.From("203.0.113.81");
        using (var again = await resender.ResendAsync("unconfirmed@example.test"))
            Assert.Contains("If unconfirmed@example.test has an account", (await again.ParseAsync()).QuerySelector("[role=status]")!.TextContent);
        using (await resender.ResendAsync(confirmed)) { }
        using (await resender.ResendAsync("nobody@example.test")) { }
        for (var i = 0; i < 2; i++) (await resender.ResendAsync($"other{i}@example.test")).Dispose();
        using var refused = await resender.ResendAsync("unconfirmed@example.test");
        await app.OutboxDrainedAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(AccountForms.RetryAfter(refused), 1, 15 * 60);
        Assert.Equal(2, smtp.To("unconfirmed@example.test").Count);
        Assert.Contains("/account/confirm?", smtp.To("unconfirmed@example.test")[1].Text);
        Assert.Empty(smtp.To(confirmed));
        Assert.Empty(smtp.To("nobody@example.test"));
    }

    [Fact]
    public async Task A_russian_site_answers_the_throttle_in_russian()
    {
        app.Limit(nameof(AccountThrottleOptions.SignInPerAddress), 1);
        await new TestPublication(app).SettingsAsync(s => s.Language = "ru");
        var client = app.From("203.0.113.90");
        using (await client.SignInAsync("someone@example.test", "not the password")) { }
        using var refused = await client.SignInAsync("someone@example.test", "not the password");
        using var forgot = await client.ForgotAsync("someone@example.test");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.StartsWith("Слишком много неудачных попыток", await AccountForms.AlertAsync(refused));
        Assert.Equal(HttpStatusCode.OK, forgot.StatusCode);
    }

    /// <summary>A confirmed reader, made directly.</summary>
    private async Task<(string Email, string Id)> CreateReaderAsync(string email)
    {
        var account = await app.AccountAsync(StaffRoles.Reader, email);
        await app.WithDbAsync(async db =>
        {
            var row = await db.Users.SingleAsync(u => u.Id == account.Id);
            row.EmailConfirmed = true;
            await db.SaveChangesAsync();
        });
        return (email, account.Id);
    }
}
