using System.Net;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Newsletter;
using Broadsheet.Tests.Newsletter;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Mail;

/// <summary>
/// Addresses with a Cyrillic local part and domain (IDN): sign-up, mail, sign-in, newsletter and
/// invitations take them, keep them in one form, and find them when the domain is typed in punycode.
/// </summary>
public sealed class InternationalAddressTests : IDisposable
{
    private const string Origin = "https://news.test";
    private const string Olga = "ольга@почта.рф";
    private const string OlgaInPunycode = "ольга@xn--80a1acny.xn--p1ai";
    private readonly LoopbackSmtpServer smtp = new();
    private readonly BroadsheetApp app = new();

    public InternationalAddressTests()
    {
        NewsletterSteps.Configure(app, smtp);
        app.Settings["Broadsheet:PublicUrl"] = Origin;
    }

    public void Dispose()
    {
        app.Dispose();
        smtp.Dispose();
    }

    private static async Task<HttpResponseMessage> SignUpAsync(HttpClient client, string email) =>
        await client.SubmitAsync("/account/sign-up", null, ("Input.Email", email), ("Input.DisplayName", "Ольга К"), ("Input.Password", Staff.Password), ("Input.Consent", "true"));

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email) =>
        await client.SubmitAsync("/account/sign-in?ReturnUrl=/", null, ("Input.Email", email), ("Input.Password", Staff.Password));

    [Fact]
    public async Task A_reader_with_a_cyrillic_address_signs_up_gets_the_mail_confirms_and_signs_in_either_way_the_domain_is_typed()
    {
        var client = app.Reader();
        using (var signedUp = await SignUpAsync(client, Olga))
            Assert.Contains(Olga, (await signedUp.ParseAsync()).QuerySelector("[role=status]")!.TextContent);

        var mail = await smtp.WaitForMailToAsync(Olga);
        Assert.Equal(Olga, mail.Message.To.Mailboxes.Single().Address);
        var link = new Uri(mail.Text.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).First(w => w.StartsWith(Origin + "/account/confirm", StringComparison.Ordinal))).PathAndQuery;
        using (var confirming = await client.SubmitAsync(await client.GetDocumentAsync(link), link))
            Assert.NotNull((await confirming.ParseAsync()).QuerySelector(".account-confirmed"));

        using var unicode = await SignInAsync(app.Reader(), Olga);
        using var punycode = await SignInAsync(app.Reader(), OlgaInPunycode);
        using var upperCase = await SignInAsync(app.Reader(), "ольга@ПОЧТА.РФ");

        Assert.Equal(HttpStatusCode.Redirect, unicode.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, punycode.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, upperCase.StatusCode);
        Assert.Equal([Olga], await app.WithDbAsync(db => db.Users.Where(u => u.DisplayName == "Ольга К").Select(u => u.Email!).ToListAsync()));
    }

    [Fact]
    public async Task Signing_up_again_with_the_punycode_spelling_opens_no_second_account()
    {
        using (await SignUpAsync(app.Reader(), Olga)) { }
        await smtp.WaitForMailToAsync(Olga);

        using (await SignUpAsync(app.Reader(), OlgaInPunycode)) { }

        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == Olga)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == OlgaInPunycode)));
    }

    [Fact]
    public async Task The_newsletter_takes_a_cyrillic_address_and_the_punycode_spelling_is_the_same_subscriber()
    {
        var steps = new NewsletterSteps(() => app, smtp);

        var subscriber = await steps.SubscribeAsync(Olga);
        using (await steps.SignUpAsync(OlgaInPunycode)) { }

        Assert.Equal(SubscriberState.Confirmed, subscriber.State);
        Assert.Equal(Olga, subscriber.Email);
        Assert.Equal(1, await app.WithDbAsync(db => db.Subscribers.CountAsync()));
    }

    [Fact]
    public async Task An_administrator_invites_a_cyrillic_address_and_the_invitee_is_found_by_its_punycode_spelling()
    {
        var admin = await app.SignedInAsync(StaffRoles.Admin);

        using var invited = await admin.SubmitAsync("/newsroom/staff", "Invite", ("Invite.Email", OlgaInPunycode), ("Invite.DisplayName", "Ольга Редактор"), ("Invite.Role", StaffRoles.Editor));
        using var again = await admin.SubmitAsync("/newsroom/staff", "Invite", ("Invite.Email", Olga), ("Invite.DisplayName", "Ольга Вторая"), ("Invite.Role", StaffRoles.Editor));

        Assert.Equal([Olga], await app.WithDbAsync(db => db.Users.Where(u => u.DisplayName.StartsWith("Ольга")).Select(u => u.Email!).ToListAsync()));
        Assert.Contains("There is already an account with this e-mail.", (await again.ParseAsync()).Body!.TextContent);
    }
}
