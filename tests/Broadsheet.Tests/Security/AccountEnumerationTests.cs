using System.Diagnostics;
using System.Net;
using AngleSharp.Html.Parser;
using Broadsheet.Features.Accounts;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Broadsheet.Tests.Security;

/// <summary>
/// Nothing a stranger can see tells an address with an account from one without: not the page, not
/// the status, not the mail, not how long the answer takes.
/// </summary>
[Collection(TimingCollection.Name)]
public sealed class AccountEnumerationTests : IDisposable
{
    private const string Existing = "member@example.test";
    private readonly LoopbackSmtpServer smtp = new();
    private readonly AddressedApp app = new();
    private readonly ITestOutputHelper output;

    public AccountEnumerationTests(ITestOutputHelper output)
    {
        this.output = output;
        smtp.Configure(app);
        app.Settings["Broadsheet:PublicUrl"] = "https://news.test";
        // Throttling answers alike for both kinds of address too (AccountThrottleTests); here it would only get in the way.
        foreach (var limit in new[] { "SignInPerAddress", "SignInPerAccount", "ForgotPerAddress", "ForgotPerAccount", "SignUpPerAddress", "SignUpPerAccount" })
            app.Limit(limit, 100_000);
    }

    public void Dispose()
    {
        app.Dispose();
        smtp.Dispose();
    }

    /// <summary>The page's main part with the antiforgery token dropped and the address typed replaced, so two answers can be compared whole.</summary>
    private static async Task<(HttpStatusCode, string)> AnswerAsync(HttpResponseMessage response, string email)
    {
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        foreach (var token in page.QuerySelectorAll("input[name=__RequestVerificationToken]").ToList()) token.Remove();
        return (response.StatusCode, (page.QuerySelector("main")?.InnerHtml ?? "").Replace(email, "{email}"));
    }

    private async Task MemberAsync()
    {
        var account = await app.AccountAsync(StaffRoles.Reader, Existing);
        await app.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == account.Id)).EmailConfirmed = true;
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task Sign_in_answers_alike_for_an_existing_and_a_missing_address_even_after_many_wrong_passwords()
    {
        await MemberAsync();
        for (var i = 0; i < 7; i++)
        {
            using var existing = await app.From("203.0.113.1").SignInAsync(Existing, "not the password");
            using var missing = await app.From("203.0.113.2").SignInAsync("stranger@example.test", "not the password");
            Assert.Equal(await AnswerAsync(existing, Existing), await AnswerAsync(missing, "stranger@example.test"));
            Assert.Equal(HttpStatusCode.OK, existing.StatusCode);
        }
    }

    [Fact]
    public async Task Forgot_password_answers_alike_and_mails_only_an_address_with_an_account()
    {
        await MemberAsync();
        using var existing = await app.From("203.0.113.1").ForgotAsync(Existing);
        using var missing = await app.From("203.0.113.2").ForgotAsync("stranger@example.test");
        await app.OutboxDrainedAsync();

        Assert.Equal(await AnswerAsync(existing, Existing), await AnswerAsync(missing, "stranger@example.test"));
        Assert.Single(smtp.To(Existing));
        Assert.Empty(smtp.To("stranger@example.test"));
    }

    [Fact]
    public async Task Sign_up_with_a_taken_address_answers_as_for_a_new_one_and_tells_the_owner_instead()
    {
        await MemberAsync();
        using var taken = await app.From("203.0.113.1").SignUpAsync(Existing, "Second Comer");
        using var fresh = await app.From("203.0.113.2").SignUpAsync("newcomer@example.test", "First Comer");
        await app.OutboxDrainedAsync();

        Assert.Equal(await AnswerAsync(taken, Existing), await AnswerAsync(fresh, "newcomer@example.test"));
        var toOwner = Assert.Single(smtp.To(Existing));
        Assert.Contains("tried to create an account with this address", toOwner.Text);
        Assert.Contains("https://news.test/account/sign-in", toOwner.Text);
        Assert.Contains("/account/confirm?", Assert.Single(smtp.To("newcomer@example.test")).Text);
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == Existing)));
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.DisplayName == "Second Comer")));
    }

    [Fact]
    public async Task Sign_in_forgot_password_and_sign_up_take_as_long_for_an_existing_address_as_for_a_missing_one()
    {
        await MemberAsync();
        var client = app.From("203.0.113.1");
        var next = 0;
        string Fresh() => $"{Guid.NewGuid():N}"[..10];

        var signIn = await CompareAsync(client, "/account/sign-in",
            () => [("Input.Email", Existing), ("Input.Password", "not the password")],
            () => [("Input.Email", $"x{next++}@example.test"), ("Input.Password", "not the password")]);
        var forgot = await CompareAsync(client, "/account/forgot-password",
            () => [("Email", Existing)],
            () => [("Email", $"y{next++}@example.test")]);
        var signUp = await CompareAsync(client, "/account/sign-up",
            () => [("Input.Email", Existing), ("Input.DisplayName", $"Reader {Fresh()}"), ("Input.Password", Staff.Password), ("Input.Consent", "true")],
            () => [("Input.Email", $"z{next++}@example.test"), ("Input.DisplayName", $"Reader {Fresh()}"), ("Input.Password", Staff.Password), ("Input.Consent", "true")]);

        Assert.True(signIn.Alike, signIn.Report);
        Assert.True(forgot.Alike, forgot.Report);
        Assert.True(signUp.Alike, signUp.Report);
    }

    /// <summary>
    /// Up to three rounds of <see cref="RoundAsync"/>: a difference the code makes shows in every round,
    /// while a burst of other work on a shared machine (which once failed CI with one round) seldom
    /// lands on the same side three times running.
    /// </summary>
    private async Task<(bool Alike, string Report)> CompareAsync(HttpClient client, string path,
        Func<(string, string?)[]> existing, Func<(string, string?)[]> missing)
    {
        var reports = new List<string>();
        for (var round = 0; round < 3; round++)
        {
            var (alike, report) = await RoundAsync(client, path, existing, missing);
            reports.Add(report);
            if (alike) return (true, report);
        }
        return (false, string.Join("; ", reports));
    }

    /// <summary>
    /// Medians of 20 answers each, taken in alternation so the machine's load falls on both alike. Alike
    /// means within 20 ms or a quarter of the slower median, whichever is more: a 2-core machine shared
    /// with other work moves single answers by tens of ms, the medians much less; a leak worth hunting
    /// (a password hash, an SMTP conversation, a row written) is a multiple or 40 ms and more.
    /// </summary>
    private async Task<(bool Alike, string Report)> RoundAsync(HttpClient client, string path,
        Func<(string, string?)[]> existing, Func<(string, string?)[]> missing)
    {
        var page = await client.GetDocumentAsync(path);
        async Task<double> TimeAsync((string, string?)[] fields)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.SubmitAsync(page, path, null, fields);
            watch.Stop();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return watch.Elapsed.TotalMilliseconds;
        }

        for (var i = 0; i < 3; i++) { await TimeAsync(existing()); await TimeAsync(missing()); }
        var (a, b) = (new List<double>(), new List<double>());
        for (var i = 0; i < 20; i++)
        {
            if (i % 2 == 0) { a.Add(await TimeAsync(existing())); b.Add(await TimeAsync(missing())); }
            else { b.Add(await TimeAsync(missing())); a.Add(await TimeAsync(existing())); }
        }
        var (ma, mb) = (Median(a), Median(b));
        var report = $"{path}: existing median {ma:F1} ms, missing {mb:F1} ms";
        output.WriteLine(report);
        return (Math.Abs(ma - mb) <= Math.Max(20, 0.25 * Math.Max(ma, mb)), report);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
