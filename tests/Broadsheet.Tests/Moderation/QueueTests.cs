using System.Globalization;
using System.Net;
using Broadsheet.Features.Comments;
using Broadsheet.Features.Audit;
using Broadsheet.Tests.Comments;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Moderation;

public sealed class QueueTests : IDisposable
{
    private readonly LoopbackSmtpServer smtp = new();
    private readonly BroadsheetApp app = new();

    public QueueTests()
    {
        smtp.Configure(app);
        app.Settings["Broadsheet:PublicUrl"] = "https://news.test";
        app.Settings["Broadsheet:Comments:PreModerationApprovals"] = "1";
    }

    public void Dispose()
    {
        app.Dispose();
        smtp.Dispose();
    }

    private const string Queue = "/newsroom/moderation";

    private async Task<(long CommentId, Broadsheet.Features.Accounts.Account Reader, HttpClient Client, Broadsheet.Features.Articles.Article Article)> HeldAsync(string text = "Hello, my first comment")
    {
        var article = await app.OpenArticleAsync("Story " + Guid.NewGuid().ToString("N")[..6]);
        var (account, reader) = await app.ReaderAsync("Dmitri " + Guid.NewGuid().ToString("N")[..4]);
        var answer = await reader.CommentAsync(article.Id, text);
        Assert.Equal(HttpStatusCode.Accepted, answer.Status);
        return (answer.Id!.Value, account, reader, article);
    }

    [Fact]
    public async Task The_queue_shows_a_held_comment_with_its_rule_and_the_readers_history()
    {
        var (id, _, _, _) = await HeldAsync();
        var moderator = await app.SignedInAsync("Moderator");

        var page = await moderator.GetDocumentAsync(Queue);

        var item = page.QuerySelector($"[data-comment='{id}']")!;
        Assert.Equal("pre-moderation: new account", item.QuerySelector("[data-rule]")!.TextContent);
        Assert.Equal("Hello, my first comment", item.QuerySelector(".moderation-item__text")!.TextContent);
        Assert.Contains("1 held", item.QuerySelector("[data-history]")!.TextContent);
    }

    [Fact]
    public async Task Readers_and_authors_cannot_open_the_queue()
    {
        var (_, reader) = await app.ReaderAsync();
        var author = await app.SignedInAsync("Author");

        using var asReader = await reader.GetAsync(Queue);
        using var asAuthor = await author.GetAsync(Queue);
        using var anonymous = await app.Reader().GetAsync(Queue);

        Assert.Equal(HttpStatusCode.Forbidden, asReader.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asAuthor.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [Fact]
    public async Task A_moderator_approves_a_held_comment_and_it_appears_under_the_article_and_in_the_audit_log()
    {
        var (id, _, _, article) = await HeldAsync();
        Assert.Empty(await app.ShownCommentsAsync(article));
        var moderator = await app.SignedInAsync("Moderator");

        using var done = await moderator.SubmitAsync(Queue, "Decide", ("comment", id.ToString(CultureInfo.InvariantCulture)), ("decision", "Published"));

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(["Hello, my first comment"], await app.ShownCommentsAsync(article));
        var entry = await app.WithDbAsync(db => db.AuditLog.AsNoTracking().SingleAsync(e => e.Action == "comment-approve"));
        Assert.Equal(article.Id, entry.ArticleId);
    }

    [Theory]
    [InlineData("Rejected", CommentStatus.Rejected, "comment-reject")]
    [InlineData("Deleted", CommentStatus.Deleted, "comment-delete")]
    public async Task A_moderator_rejects_or_deletes_and_the_comment_stays_off_the_page(string button, CommentStatus expected, string action)
    {
        var (id, _, _, article) = await HeldAsync();
        var editor = await app.SignedInAsync("Editor");

        using var done = await editor.SubmitAsync(Queue, "Decide", ("comment", id.ToString(CultureInfo.InvariantCulture)), ("decision", button));

        Assert.Equal(expected, (await app.CommentInDbAsync(id)).Status);
        Assert.Empty(await app.ShownCommentsAsync(article));
        Assert.True(await app.WithDbAsync(db => db.AuditLog.AnyAsync(e => e.Action == action)));
    }

    [Fact]
    public async Task Deleting_a_published_comment_takes_it_off_the_cached_page()
    {
        app.WithoutPreModeration();
        var article = await app.OpenArticleAsync();
        var (_, reader) = await app.ReaderAsync();
        var posted = await reader.CommentAsync(article.Id, "Shown for now");
        var other = (await app.ReaderAsync()).Client;
        await other.FlagAsync(posted.Id!.Value, FlagReason.Insult);
        Assert.Equal(["Shown for now"], await app.ShownCommentsAsync(article));
        var moderator = await app.SignedInAsync("Moderator");

        using var done = await moderator.SubmitAsync(Queue, "Decide", ("comment", posted.Id!.Value.ToString(CultureInfo.InvariantCulture)), ("decision", "Deleted"));

        Assert.Empty(await app.ShownCommentsAsync(article));
    }

    [Fact]
    public async Task Blocking_with_notice_mails_the_reader_rejects_their_waiting_comments_and_stops_new_ones()
    {
        var (id, account, client, article) = await HeldAsync();
        var moderator = await app.SignedInAsync("Moderator");

        using var done = await moderator.SubmitAsync(Queue, "Block", ("account", account.Id), ("days", "7"), ("tell", "true"), ("reason", "Repeated insults"));

        Assert.Equal(CommentStatus.Rejected, (await app.CommentInDbAsync(id)).Status);
        var mail = await smtp.WaitForMailToAsync(account.Email!);
        Assert.Contains("until 2024-05-22 09:00 UTC", mail.Text);
        Assert.Contains("Repeated insults", mail.Text);
        var refused = await client.CommentAsync(article.Id, "Let me speak");
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("Your account may not comment until 22 May 2024 09:00 UTC.", refused.Message);
        var entry = await app.WithDbAsync(db => db.AuditLog.AsNoTracking().SingleAsync(e => e.Action == "account-block"));
        Assert.Equal(account.Id, entry.AccountId);
        Assert.Contains("told", entry.Details);

        app.Clock.Advance(TimeSpan.FromDays(8));
        Assert.NotEqual(HttpStatusCode.Forbidden, (await client.CommentAsync(article.Id, "Back again")).Status);
    }

    [Fact]
    public async Task Blocking_for_good_without_notice_sends_no_mail()
    {
        var (_, account, client, article) = await HeldAsync();
        var moderator = await app.SignedInAsync("Moderator");

        using var done = await moderator.SubmitAsync(Queue, "Block", ("account", account.Id), ("days", "0"), ("tell", null), ("reason", ""));

        var refused = await client.CommentAsync(article.Id, "Let me speak");
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal(CommentMessages.English.BlockedForGood, refused.Message);
        await Task.Delay(300);
        Assert.Empty(smtp.To(account.Email!));
        Assert.Contains("without notice", (await app.WithDbAsync(db => db.AuditLog.AsNoTracking().SingleAsync(e => e.Action == "account-block"))).Details);
    }

    [Fact]
    public async Task Moderators_add_and_remove_rules_and_the_change_takes_effect_at_once()
    {
        app.WithoutPreModeration();
        var moderator = await app.SignedInAsync("Moderator");
        var article = await app.OpenArticleAsync();
        var (_, reader) = await app.ReaderAsync();

        using var added = await moderator.SubmitAsync("/newsroom/moderation/rules", "Add",
            ("Input.Kind", "0"), ("Input.Category", "insults"), ("Input.Pattern", "numpty"), ("Input.Action", "1"), ("Input.Message", "No name-calling."));
        Assert.Equal("No name-calling.", (await reader.CommentAsync(article.Id, "what a numpty")).Message);

        var ruleId = await app.WithDbAsync(db => db.CommentRules.Where(r => r.Pattern == "numpty").Select(r => r.Id).SingleAsync());
        using var removed = await moderator.SubmitAsync("/newsroom/moderation/rules", "Remove", ("rule", ruleId.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Created, (await reader.CommentAsync(article.Id, "what a numpty indeed")).Status);
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditLog.CountAsync(e => e.Action.StartsWith("comment-rule-"))));
    }

    [Fact]
    public async Task A_pattern_that_does_not_compile_is_refused_on_the_rules_page()
    {
        var moderator = await app.SignedInAsync("Moderator");

        using var answer = await moderator.SubmitAsync("/newsroom/moderation/rules", "Add", ("Input.Kind", "2"), ("Input.Pattern", "(unclosed"), ("Input.Action", "0"));
        var page = await answer.ParseAsync();

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("This is not a valid regular expression.", page.QuerySelector(".desk__error")!.TextContent);
    }

    [Fact]
    public async Task A_moderator_holds_every_comment_on_one_article_then_closes_it()
    {
        app.WithoutPreModeration();
        var article = await app.OpenArticleAsync();
        var (_, reader) = await app.ReaderAsync();
        var moderator = await app.SignedInAsync("Moderator");

        using (await moderator.SubmitAsync(Queue, "Article", ("article", article.Id.ToString(CultureInfo.InvariantCulture)), ("mode", "HoldAll"))) { }
        var held = await reader.CommentAsync(article.Id, "On a heated story");
        using (await moderator.SubmitAsync(Queue, "Article", ("article", article.Id.ToString(CultureInfo.InvariantCulture)), ("mode", "Closed"))) { }
        var closed = await reader.CommentAsync(article.Id, "Still want to speak");

        Assert.Equal(HttpStatusCode.Accepted, held.Status);
        Assert.Equal(HttpStatusCode.Forbidden, closed.Status);
        Assert.Equal(CommentMessages.English.Closed, closed.Message);
        Assert.True(await app.WithDbAsync(db => db.AuditLog.AnyAsync(e => e.Action == "comments-holdall" && e.ArticleId == article.Id)));
    }
}
