using System.Net;
using Broadsheet.Features.Accounts;
using Broadsheet.Tests.Support;
using MimeKit;

namespace Broadsheet.Tests.Mail;

/// <summary>
/// With no SMTP server configured (a developer's machine), mail is written to the data folder, one
/// .eml per message: a newcomer can finish a reader sign-up from the file, and administrators read
/// the outbox in the newsroom.
/// </summary>
public sealed class MailFolderTests : IDisposable
{
    private const string Origin = "https://news.test";
    private const string Olga = "olga@example.test";
    private readonly BroadsheetApp app = new();

    public MailFolderTests() => app.Settings["Broadsheet:PublicUrl"] = Origin;

    public void Dispose() => app.Dispose();

    private string Folder => Path.Combine(app.DataDirectory, "mail");

    private async Task<(string File, MimeMessage Message)> WaitForFileAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(Folder) && Directory.GetFiles(Folder, "*.eml") is [var file])
                return (file, await MimeMessage.LoadAsync(file));
            await Task.Delay(20);
        }
        throw new Xunit.Sdk.XunitException($"No .eml in {Folder} within 10 s");
    }

    private async Task<HttpClient> SignUpAsync()
    {
        var client = app.Reader();
        using var answer = await client.SubmitAsync("/account/sign-up", null, ("Input.Email", Olga), ("Input.DisplayName", "Olga K"), ("Input.Password", Staff.Password), ("Input.Consent", "true"));
        Assert.NotNull((await answer.ParseAsync()).QuerySelector("[role=status]"));
        return client;
    }

    private static string ConfirmLink(MimeMessage message) =>
        message.TextBody!.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).First(w => w.StartsWith(Origin + "/account/confirm", StringComparison.Ordinal));

    [Fact]
    public async Task A_reader_signs_up_confirms_from_the_file_and_signs_in()
    {
        var client = await SignUpAsync();
        var (file, message) = await WaitForFileAsync();

        Assert.Equal(Olga, message.To.Mailboxes.Single().Address);
        var link = new Uri(ConfirmLink(message)).PathAndQuery;
        var offered = await client.GetDocumentAsync(link);
        using (var confirming = await client.SubmitAsync(offered, link))
            Assert.NotNull((await confirming.ParseAsync()).QuerySelector(".account-confirmed"));
        using var signIn = await client.SubmitAsync("/account/sign-in?ReturnUrl=/", null, ("Input.Email", Olga), ("Input.Password", Staff.Password));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.DoesNotContain(Directory.GetFiles(Folder), f => f.EndsWith(".tmp", StringComparison.Ordinal));
        Assert.Contains(app.Log.Lines, l => l.Contains(file, StringComparison.Ordinal) && l.Contains(Olga, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Administrators_read_the_outbox_and_follow_its_links()
    {
        await SignUpAsync();
        var (file, message) = await WaitForFileAsync();
        var admin = await app.SignedInAsync(StaffRoles.Admin);

        var menu = (await admin.GetDocumentAsync("/newsroom")).QuerySelectorAll(".newsroom-bar a").Select(a => a.GetAttribute("href"));
        var list = await admin.GetDocumentAsync("/newsroom/mail");
        var row = Assert.Single(list.QuerySelectorAll(".desk-table tbody tr"));
        var open = row.QuerySelector("a")!;
        var shown = await admin.GetDocumentAsync(open.GetAttribute("href")!);

        Assert.Contains("/newsroom/mail", menu);
        Assert.Contains(Olga, row.TextContent);
        Assert.Equal(message.Subject, open.TextContent);
        Assert.NotNull(row.QuerySelector("time[datetime]"));
        Assert.Equal("/newsroom/mail/" + Path.GetFileName(file), open.GetAttribute("href"));
        Assert.Contains(shown.QuerySelectorAll(".mail-text a"), a => a.GetAttribute("href") == ConfirmLink(message));
    }

    [Fact]
    public async Task Readers_and_authors_cannot_open_the_outbox()
    {
        await SignUpAsync();
        var (file, _) = await WaitForFileAsync();
        var message = "/newsroom/mail/" + Path.GetFileName(file);

        var reader = await app.SignedInAsync(StaffRoles.Reader);
        var author = await app.SignedInAsync(StaffRoles.Author);

        foreach (var path in new[] { "/newsroom/mail", message })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await author.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await app.Reader().GetAsync(path)).StatusCode);
        }
    }

    [Theory]
    [InlineData("/newsroom/mail/..%2F..%2Fbroadsheet.db")]
    [InlineData("/newsroom/mail/20240515-090000-000-deadbeef.eml")]
    [InlineData("/newsroom/mail/not-a-mail.txt")]
    public async Task A_name_that_is_not_a_filed_message_is_not_found(string path)
    {
        var admin = await app.SignedInAsync(StaffRoles.Admin);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(path)).StatusCode);
    }

    [Fact]
    public void Only_http_links_in_a_message_are_clickable_and_markup_stays_text()
    {
        var parts = Broadsheet.Features.Newsroom.Mail.IndexModel.Linked("See https://news.test/a?b=1 or javascript:alert(1) <b>x</b> http://x.test").ToList();

        Assert.Equal([new Uri("https://news.test/a?b=1"), new Uri("http://x.test")], parts.Where(p => p.Link is not null).Select(p => p.Link!));
        Assert.Equal("See https://news.test/a?b=1 or javascript:alert(1) <b>x</b> http://x.test", string.Concat(parts.Select(p => p.Text)));
    }
}
