using Broadsheet.Features.Accounts;
using Broadsheet.Tests.Security;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Mail;

/// <summary>Account mail leaves through the outbox: off the request, retried, drained on shutdown, and never lost without a word.</summary>
public sealed class MailOutboxTests : IDisposable
{
    private const string Reader = "reader@example.test";
    private readonly LoopbackSmtpServer smtp = new();
    private readonly BroadsheetApp app = new();

    public MailOutboxTests()
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
    public async Task A_reset_asked_for_just_before_shutdown_is_still_sent()
    {
        await app.AccountAsync(StaffRoles.Reader, Reader);
        using (await app.Reader().ForgotAsync(Reader)) { }

        app.Dispose();

        Assert.Single(smtp.To(Reader));
    }

    [Fact]
    public async Task A_mail_the_server_turns_away_for_a_moment_is_sent_on_a_later_try()
    {
        await app.AccountAsync(StaffRoles.Reader, Reader);
        smtp.FailNext(1);

        using (await app.Reader().ForgotAsync(Reader)) { }

        var mail = await smtp.WaitForMailToAsync(Reader);
        Assert.Contains("/account/reset-password?", mail.Text);
        Assert.Contains(app.Log.Lines, l => l.Contains("Mail (password reset) not accepted yet, try 1"));
    }

    [Fact]
    public async Task A_mail_that_cannot_be_sent_by_shutdown_is_logged_as_an_error()
    {
        await app.AccountAsync(StaffRoles.Reader, Reader);
        smtp.AcceptOnly(0);

        using (await app.Reader().ForgotAsync(Reader)) { }
        app.Dispose();

        Assert.Empty(smtp.To(Reader));
        Assert.Contains(app.Log.Lines, l => l.Contains("Mail (password reset) was not sent and is given up"));
    }
}
