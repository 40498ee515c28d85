using System.Net;
using Broadsheet.Features.Comments;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Comments;

public sealed class ReaderAccountTests : IDisposable
{
    private const string Origin = "https://news.test";
    private readonly LoopbackSmtpServer smtp = new();
    private readonly BroadsheetApp app = new();

    public ReaderAccountTests()
    {
        smtp.Configure(app);
        app.Settings["Broadsheet:PublicUrl"] = Origin;
        app.WithoutPreModeration();
    }

    public void Dispose()
    {
        app.Dispose();
        smtp.Dispose();
    }

    private static string LinkIn(ReceivedMail mail, string path) =>
        mail.Text.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).First(w => w.StartsWith(Origin + path, StringComparison.Ordinal));

    private static async Task<HttpResponseMessage> SignUpAsync(HttpClient client, string email, string name, string password = Staff.Password) =>
        await client.SubmitAsync("/account/sign-up", null, ("Input.Email", email), ("Input.DisplayName", name), ("Input.Password", password), ("Input.Consent", "true"));

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = Staff.Password) =>
        await client.SubmitAsync("/account/sign-in?ReturnUrl=/", null, ("Input.Email", email), ("Input.Password", password));

    [Fact]
    public async Task A_reader_signs_up_confirms_by_mail_signs_in_and_posts()
    {
        var article = await app.OpenArticleAsync();
        var client = app.Reader();

        using (var signedUp = await SignUpAsync(client, "olga@example.test", "Olga K"))
            Assert.Contains("We have sent a link to olga@example.test", (await signedUp.ParseAsync()).QuerySelector("[role=status]")!.TextContent);
        var mail = await smtp.WaitForMailToAsync("olga@example.test");
        using (await SignInAsync(client, "olga@example.test")) { }
        Assert.Equal(CommentMessages.English.Unconfirmed, (await client.CommentAsync(article.Id, "Before confirming")).Message);

        var link = new Uri(LinkIn(mail, "/account/confirm")).PathAndQuery;
        Assert.Null((await client.GetDocumentAsync(link)).QuerySelector(".account-confirmed"));
        Assert.Equal(CommentMessages.English.Unconfirmed, (await client.CommentAsync(article.Id, "Opening the link is not confirming")).Message);
        using var confirming = await client.SubmitAsync(link);
        Assert.NotNull((await confirming.ParseAsync()).QuerySelector(".account-confirmed"));
        using (await SignInAsync(client, "olga@example.test")) { }
        var posted = await client.CommentAsync(article.Id, "After confirming");

        Assert.Equal(HttpStatusCode.Created, posted.Status);
        Assert.Equal(["After confirming"], await app.ShownCommentsAsync(article));
        Assert.Contains("Reader", await app.WithDbAsync(db => (from u in db.Users join ur in db.UserRoles on u.Id equals ur.UserId join r in db.Roles on ur.RoleId equals r.Id
                                                               where u.Email == "olga@example.test" select r.Name!).ToListAsync()));
    }

    [Theory]
    [InlineData("Olga K", "That display name, or one that looks like it, is taken.")]
    [InlineData("olga k", "That display name, or one that looks like it, is taken.")]
    [InlineData("Оlga K", "That display name, or one that looks like it, is taken.")] // Cyrillic О
    [InlineData("Ollga  K", "A display name has single spaces between words.")]
    [InlineData("Ol", "A display name has 3 to 40 characters.")]
    [InlineData("<script>", "A display name starts with a letter or a digit.")]
    [InlineData("Olga<b>", "A display name may have letters, digits, spaces, dots, hyphens, underscores and apostrophes only.")]
    public async Task Display_names_are_validated_and_look_alikes_of_taken_ones_refused(string name, string message)
    {
        using (await SignUpAsync(app.Reader(), "first@example.test", "Olga K")) { }

        using var second = await SignUpAsync(app.Reader(), "second@example.test", name);

        Assert.Equal(message, (await second.ParseAsync()).QuerySelector(".desk__error")!.TextContent);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "second@example.test")));
    }

    [Fact]
    public async Task A_reader_resets_a_forgotten_password_by_mail()
    {
        var (account, _) = await app.ReaderAsync("Pavel");
        var client = app.Reader();

        using (await client.SubmitAsync("/account/forgot-password", null, ("Email", account.Email))) { }
        var mail = await smtp.WaitForMailToAsync(account.Email!);
        var link = new Uri(LinkIn(mail, "/account/reset-password")).PathAndQuery;
        using (var reset = await client.SubmitAsync(link, null, ("Password", "a brand new password")))
            Assert.Contains("Your password is changed", (await reset.ParseAsync()).QuerySelector("[role=status]")!.TextContent);

        using var signedIn = await SignInAsync(app.Reader(), account.Email!, "a brand new password");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Asking_to_reset_for_an_unknown_address_looks_the_same_and_sends_nothing()
    {
        using var answer = await app.Reader().SubmitAsync("/account/forgot-password", null, ("Email", "nobody@example.test"));

        Assert.Contains("If nobody@example.test has an account here", (await answer.ParseAsync()).QuerySelector("[role=status]")!.TextContent);
        await Task.Delay(200);
        Assert.Empty(smtp.To("nobody@example.test"));
    }

    [Fact]
    public async Task A_deleted_accounts_comments_stay_signed_deleted_account()
    {
        var article = await app.OpenArticleAsync();
        var (account, reader) = await app.ReaderAsync("Semyon");
        await reader.CommentAsync(article.Id, "Words that outlive me");

        using var deleted = await reader.SubmitAsync("/account/delete", null, ("Password", Staff.Password));

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == account.Id)));
        var page = await app.GetPageAsync(PageUrl.Of(app, article));
        Assert.Equal("Deleted account", page.QuerySelector("#comments .comment__author")!.TextContent);
        Assert.Equal("Words that outlive me", page.QuerySelector("#comments .comment__text")!.TextContent);
    }
}
