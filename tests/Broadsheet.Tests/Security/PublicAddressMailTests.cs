using System.Net;
using AngleSharp.Html.Parser;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Newsroom.TypoReports;
using Broadsheet.Features.TypoReports;
using Broadsheet.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Security;

/// <summary>
/// Every mailed link starts with the site's public address — Broadsheet:PublicUrl, or the address the
/// first administrator entered — and never with the host a request named (Host, X-Forwarded-Host):
/// a password-reset link on the sender's host would hand them the account. While the address is
/// unknown no mail with a link is sent, and the log says why.
/// </summary>
public sealed class PublicAddressMailTests : IDisposable
{
    private const string PublicUrl = "https://news.test";
    private readonly LoopbackSmtpServer smtp = new();
    private readonly BroadsheetApp app = new();

    public PublicAddressMailTests() => smtp.Configure(app);

    public void Dispose()
    {
        app.Dispose();
        smtp.Dispose();
    }

    /// <summary>A client whose requests name <paramref name="origin"/> as their host.</summary>
    private HttpClient At(string origin) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(origin), AllowAutoRedirect = false });

    /// <summary>A client on an allowed host that claims, in forwarded headers, to be somewhere else.</summary>
    private HttpClient Forging()
    {
        var client = At("http://127.0.0.1");
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", "evil.example");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return client;
    }

    private async Task WaitForLogAsync(string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!app.Log.Lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"The log never said \"{text}\":\n" + string.Join("\n", app.Log.Lines));
            await Task.Delay(20);
        }
    }

    /// <summary>Every link in the mail, text and HTML, starts with <paramref name="origin"/>; returns the one to <paramref name="path"/>.</summary>
    private static string LinkOn(string origin, ReceivedMail mail, string path)
    {
        var inText = mail.Text.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.StartsWith("http", StringComparison.Ordinal)).ToList();
        var inHtml = new HtmlParser().ParseDocument(mail.Html).QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(inText);
        Assert.All(inText.Concat(inHtml), link => Assert.StartsWith(origin + "/", link, StringComparison.Ordinal));
        Assert.DoesNotContain("evil.example", mail.Text + mail.Html, StringComparison.Ordinal);
        return inText.Single(l => l.StartsWith(origin + path, StringComparison.Ordinal));
    }

    private static FormUrlEncodedContent NewsletterSignUp(string email) => new([new("email", email), new("frequency", "daily")]);

    [Fact]
    public async Task With_no_public_address_a_forged_host_gets_no_reset_mail_for_a_staff_account_and_the_log_says_why()
    {
        var editor = await app.AccountAsync(StaffRoles.Editor);

        using var answer = await At("http://evil.example").SubmitAsync("/account/forgot-password", null, ("Email", editor.Email));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        await WaitForLogAsync("Not sending password resets: the site's public address is unknown");
        Assert.Empty(smtp.Received);
    }

    [Fact]
    public async Task With_no_public_address_sign_up_and_newsletter_confirmations_are_held_back_too()
    {
        var client = At("http://evil.example");

        using (await client.SubmitAsync("/account/sign-up", null, ("Input.Email", "olga@example.test"), ("Input.DisplayName", "Olga K"), ("Input.Password", Staff.Password), ("Input.Consent", "true"))) { }
        using (var signedUp = await client.PostAsync("/newsletter/sign-up", NewsletterSignUp("reader@example.test")))
            Assert.Equal(HttpStatusCode.Redirect, signedUp.StatusCode);

        await WaitForLogAsync("Not sending address confirmations");
        await WaitForLogAsync("Not sending newsletter confirmations");
        Assert.Empty(smtp.Received);
    }

    [Fact]
    public async Task With_no_public_address_the_typo_digest_waits_instead_of_mailing_a_link_to_nowhere()
    {
        await app.AccountAsync(StaffRoles.Editor);
        var article = await new TestPublication(app).ArticleAsync("Council approves the budget", body: "The budjet passed.");
        await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            db.Add(new TypoReport { ArticleId = article.Id, Fragment = "budjet", Suggestion = "budget", CreatedAt = now, LastReportedAt = now });
            await db.SaveChangesAsync();
        });

        Assert.Equal(0, await app.Services.GetRequiredService<TypoDigest>().SendDueAsync());

        await WaitForLogAsync("Not sending typo report digests");
        Assert.Empty(smtp.Received);
    }

    [Fact]
    public async Task A_reset_link_starts_with_the_public_address_whatever_the_request_named()
    {
        app.Settings["Broadsheet:PublicUrl"] = PublicUrl;
        var editor = await app.AccountAsync(StaffRoles.Editor);

        using (await Forging().SubmitAsync("/account/forgot-password", null, ("Email", editor.Email))) { }

        LinkOn(PublicUrl, await smtp.WaitForMailToAsync(editor.Email!), "/account/reset-password?id=");
    }

    [Fact]
    public async Task Sign_up_and_newsletter_confirmations_start_with_the_public_address_whatever_the_request_named()
    {
        app.Settings["Broadsheet:PublicUrl"] = PublicUrl;
        var client = Forging();

        using (await client.SubmitAsync("/account/sign-up", null, ("Input.Email", "olga@example.test"), ("Input.DisplayName", "Olga K"), ("Input.Password", Staff.Password), ("Input.Consent", "true"))) { }
        using (await client.PostAsync("/newsletter/sign-up", NewsletterSignUp("reader@example.test"))) { }

        LinkOn(PublicUrl, await smtp.WaitForMailToAsync("olga@example.test"), "/account/confirm?id=");
        LinkOn(PublicUrl, await smtp.WaitForMailToAsync("reader@example.test"), "/newsletter/confirm?token=");
    }

    [Fact]
    public async Task Once_the_address_is_known_a_request_for_another_host_is_refused_but_health_checks_answer_to_any()
    {
        app.Settings["Broadsheet:PublicUrl"] = PublicUrl;
        var editor = await app.AccountAsync(StaffRoles.Editor);
        var evil = At("http://evil.example");

        using var page = await evil.GetAsync("/account/forgot-password");
        using var post = await evil.PostAsync("/account/forgot-password", new FormUrlEncodedContent([new("Email", editor.Email!)]));
        using var health = await evil.GetAsync("/healthz");
        using var onLoopback = await At("http://127.0.0.1:5000").GetAsync("/account/forgot-password");
        using var onPublicHost = await At("https://news.test").GetAsync("/account/forgot-password");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (page.StatusCode, post.StatusCode));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (onLoopback.StatusCode, onPublicHost.StatusCode));
        Assert.Empty(smtp.Received);
    }

    [Fact]
    public async Task The_address_the_first_administrator_enters_at_setup_is_where_mail_links_point_from_then_on()
    {
        _ = app.Services;
        var logged = app.Log.Lines.Single(l => l.Contains("/account/setup?", StringComparison.Ordinal));
        Assert.Contains("asks for the site's public address", logged, StringComparison.Ordinal);
        var link = logged[logged.IndexOf("/account/setup?", StringComparison.Ordinal)..].Split(' ')[0];
        var client = At("http://localhost");

        var form = await client.GetDocumentAsync(link);
        Assert.Equal("http://localhost", form.QuerySelector("input[name='Input.PublicUrl']")!.GetAttribute("value"));
        using (var refused = await client.SubmitAsync(form, link, null, ("Input.Password", Staff.Password), ("Input.Confirm", Staff.Password), ("Input.PublicUrl", "news dot test")))
            Assert.Contains("such as https://news.example", (await refused.ParseAsync()).QuerySelector("[data-valmsg-for='Input.PublicUrl']")!.TextContent, StringComparison.Ordinal);
        using (var set = await client.SubmitAsync(link, null, ("Input.Password", Staff.Password), ("Input.Confirm", Staff.Password), ("Input.PublicUrl", "https://paper.test/")))
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);

        using (var refused = await At("http://evil.example").GetAsync("/account/forgot-password"))
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        using (await Forging().SubmitAsync("/account/forgot-password", null, ("Email", "admin@localhost"))) { }
        LinkOn("https://paper.test", await smtp.WaitForMailToAsync("admin@localhost"), "/account/reset-password?id=");
    }

    [Fact]
    public async Task An_invitation_link_never_takes_the_host_the_admin_s_request_named()
    {
        var admin = await app.AccountAsync(StaffRoles.Admin);
        var client = At("http://evil.example");
        using (var signedIn = await client.SubmitAsync("/account/sign-in", null, ("Input.Email", admin.Email), ("Input.Password", Staff.Password)))
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        using (await client.SubmitAsync("/newsroom/staff", "Invite", ("Invite.Email", "reporter@paper.test"), ("Invite.DisplayName", "Rita Reporter"), ("Invite.Role", StaffRoles.Author))) { }
        var shown = (await client.GetDocumentAsync("/newsroom/staff")).QuerySelector("[data-setup-link]")!.TextContent.Trim();

        // Unknown address: only the path, with a word on what to put in front of it.
        Assert.StartsWith("/account/setup?account=", shown, StringComparison.Ordinal);
    }
}
