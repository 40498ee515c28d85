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
        Assert.Contains("waiting: 1", item.QuerySelector("[data-history]")!.TextContent);
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
        // Moscow time, as everywhere on the site: 09:00 UTC is 12:00 there.
        Assert.Contains("until 22 May 2024, 12:00 (Moscow time)", mail.Text);
        Assert.Contains("Repeated insults", mail.Text);
        var refused = await client.CommentAsync(article.Id, "Let me speak");
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("Your account may not comment until 22 May 2024, 12:00 (Moscow time).", refused.Message);
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
    public async Task A_flagged_published_comment_shows_its_flags_by_reason_and_no_pre_moderation_rule_and_is_kept_with_Keep()
    {
        var (id, _, _, article) = await HeldAsync("Once held, then approved");
        var moderator = await app.SignedInAsync("Moderator");
        using (await moderator.SubmitAsync(Queue, "Decide", ("comment", id.ToString(CultureInfo.InvariantCulture)), ("decision", "Published"))) { }
        app.WithoutPreModeration();
        foreach (var reason in new[] { FlagReason.Insult, FlagReason.Insult })
            await (await app.ReaderAsync()).Client.FlagAsync(id, reason);

        var page = await moderator.GetDocumentAsync(Queue);
        var card = page.QuerySelector($"[data-comment='{id}']")!;

        Assert.Null(card.QuerySelector("[data-rule]"));
        Assert.Equal("Flagged", card.QuerySelector("[data-state]")!.TextContent);
        Assert.Equal("Readers' flags: insult × 2", card.QuerySelector("[data-flags]")!.TextContent.Trim());
        Assert.Equal(article.Title, card.QuerySelector("a[data-article-comments]")!.TextContent);
        Assert.Equal(["Keep", "Remove", "Hide until reviewed"], card.QuerySelectorAll("form.mod-card__acts button").Select(b => b.TextContent.Trim()));
        Assert.DoesNotContain(card.QuerySelectorAll("button"), b => b.TextContent.Trim() == "Approve");

        using (await ArticleCommentsTests.PressAsync(moderator, page, id, "Keep")) { }

        Assert.Null((await moderator.GetDocumentAsync(Queue)).QuerySelector($"[data-comment='{id}']"));
        Assert.Equal(["Once held, then approved"], await app.ShownCommentsAsync(article));
        Assert.True(await app.WithDbAsync(db => db.AuditLog.AnyAsync(e => e.Action == "comment-keep" && e.Details.Contains("flags: 2"))));
    }

    [Fact]
    public async Task A_held_reply_shows_the_comment_it_answers_and_its_time_in_the_site_zone()
    {
        app.WithoutPreModeration();
        var article = await app.OpenArticleAsync();
        var (_, first) = await app.ReaderAsync("Olga");
        var parent = await first.CommentAsync(article.Id, "The budget is too small");
        var (_, second) = await app.ReaderAsync();
        var reply = await second.CommentAsync(article.Id, "It is big enough", parent.Id);
        await app.WithDbAsync(db => db.Comments.Where(c => c.Id == reply.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CommentStatus.Held).SetProperty(c => c.Rule, "word list: insults")));
        var moderator = await app.SignedInAsync("Moderator");

        var card = (await moderator.GetDocumentAsync(Queue)).QuerySelector($"[data-comment='{reply.Id}']")!;

        Assert.Contains("Olga", card.QuerySelector("[data-parent]")!.TextContent);
        Assert.Contains("The budget is too small", card.QuerySelector("[data-parent]")!.TextContent);
        Assert.Equal("word list: insults", card.QuerySelector("[data-rule]")!.TextContent);
        // Posted at 09:00 UTC, shown in Moscow time like every time on the site.
        var time = card.QuerySelector("time")!;
        Assert.Equal("2024-05-15T12:00:00+03:00", time.GetAttribute("datetime"));
        Assert.Equal("15 May 2024, 12:00 (Moscow time)", time.TextContent);
    }
}
