using System.Globalization;
using System.Net;
using System.Text.Json;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Comments;
using Broadsheet.Features.Newsletter;
using Broadsheet.Features.Site;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Comments;

/// <summary>The reader's side of the thread: what only they see, what they may take back, and the way back to the article.</summary>
public sealed class ReaderThreadTests : IDisposable
{
    private const string Origin = "https://news.test";
    private readonly LoopbackSmtpServer smtp = new();
    private readonly BroadsheetApp app = new();

    public ReaderThreadTests()
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

    [Fact]
    public async Task Sign_up_without_consent_is_refused_and_makes_no_account()
    {
        using var answer = await app.Reader().SubmitAsync("/account/sign-up", null,
            ("Input.Email", "olga@example.test"), ("Input.DisplayName", "Olga K"), ("Input.Password", Staff.Password), ("Input.Consent", null));
        var page = await answer.ParseAsync();

        Assert.Equal(ReaderAccountText.English.ConsentRequired, page.QuerySelector("[data-valmsg-for='Input.Consent']")!.TextContent);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "olga@example.test")));
    }

    [Fact]
    public async Task Sign_up_offers_the_privacy_policy_and_comment_rules_with_the_box_unticked()
    {
        var page = await app.Reader().GetDocumentAsync("/account/sign-up");

        var box = page.QuerySelector("input[type=checkbox][name='Input.Consent']")!;
        Assert.False(box.HasAttribute("checked"));
        Assert.Equal(["/privacy", "/comment-rules"], page.QuerySelectorAll(".desk-form__consent a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Sign_up_from_an_article_records_consent_and_leads_back_to_the_article_through_mail_and_sign_in()
    {
        var article = await app.OpenArticleAsync();
        var back = PageUrl.Of(app, article) + "#comment-compose";
        var client = app.Reader();

        using (await client.SubmitAsync("/account/sign-up?ReturnUrl=" + Uri.EscapeDataString(back), null,
            ("Input.Email", "olga@example.test"), ("Input.DisplayName", "Olga K"), ("Input.Password", Staff.Password), ("Input.Consent", "true"))) { }
        var account = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == "olga@example.test"));
        Assert.Equal(BroadsheetApp.DefaultNow.UtcDateTime, account.ConsentedAt);
        Assert.Equal(ProcessingConsent.Version, account.ConsentVersion);

        var mail = await smtp.WaitForMailToAsync("olga@example.test");
        var link = new Uri(mail.Text.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).First(w => w.StartsWith(Origin + "/account/confirm", StringComparison.Ordinal))).PathAndQuery;
        using var confirmed = await client.SubmitAsync(link);
        var signInLink = (await confirmed.ParseAsync()).QuerySelector("[data-signin-after-confirm]")!.GetAttribute("href")!;
        Assert.Equal("/account/sign-in?ReturnUrl=" + Uri.EscapeDataString(back), signInLink);

        using var signedIn = await client.SubmitAsync(signInLink, null, ("Input.Email", "olga@example.test"), ("Input.Password", Staff.Password));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(back, signedIn.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("//evil.test/")]
    [InlineData("/\\evil.test/")]
    [InlineData("https://evil.test/")]
    public async Task A_return_address_off_the_site_is_dropped_at_every_step(string hostile)
    {
        var (account, _) = await app.ReaderAsync("Olga K");
        var client = app.Reader();

        var signUp = await client.GetDocumentAsync("/account/sign-up?ReturnUrl=" + Uri.EscapeDataString(hostile));
        using var signedIn = await client.SubmitAsync("/account/sign-in?ReturnUrl=" + Uri.EscapeDataString(hostile), null,
            ("Input.Email", account.Email), ("Input.Password", Staff.Password));

        Assert.All(signUp.QuerySelectorAll("a[href^='/account/sign-in']"), a => Assert.DoesNotContain("evil", a.GetAttribute("href")));
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_held_reply_shows_to_its_author_under_its_parent_and_to_nobody_else()
    {
        var article = await app.OpenArticleAsync();
        var (_, anna) = await app.ReaderAsync("Anna");
        var parent = await anna.CommentAsync(article.Id, "The budget is late again");
        await app.WithDbAsync(db => { db.ArticleCommentPolicies.Add(new ArticleCommentPolicy { ArticleId = article.Id, HoldAll = true }); return db.SaveChangesAsync(); });
        var (_, boris) = await app.ReaderAsync("Boris");
        var reply = await boris.CommentAsync(article.Id, "It was late last year too", parent.Id);
        Assert.Equal(HttpStatusCode.Accepted, reply.Status);

        var own = await boris.GetDocumentAsync($"/articles/{article.Id}/comments");
        var stranger = await app.Reader().GetDocumentAsync($"/articles/{article.Id}/comments");
        using var mine = JsonDocument.Parse(await boris.GetStringAsync($"/api/comments/token?article={article.Id}"));

        var waiting = own.QuerySelector($"#comment-{parent.Id} .comment-list--replies #comment-{reply.Id}")!;
        Assert.Contains("comment--waiting", waiting.ClassList);
        Assert.Equal("It was late last year too", waiting.QuerySelector(".comment__text")!.TextContent);
        Assert.Null(stranger.QuerySelector($"#comment-{reply.Id}"));
        var listed = Assert.Single(mine.RootElement.GetProperty("waiting").EnumerateArray());
        Assert.Equal(parent.Id, listed.GetProperty("parentId").GetInt64());
    }

    [Fact]
    public async Task A_blocked_reader_sees_why_and_until_when_in_the_site_zone_instead_of_the_form()
    {
        var article = await app.OpenArticleAsync();
        var (account, reader) = await app.ReaderAsync();
        var until = new DateTime(2024, 5, 20, 21, 30, 0, DateTimeKind.Utc);
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == account.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.BlockedUntil, until)));
        var moscow = app.Services.GetRequiredService<SiteSettingsStore>().Current.FormatTime(until);

        var page = await reader.GetDocumentAsync($"/articles/{article.Id}/comments");
        using var mine = JsonDocument.Parse(await reader.GetStringAsync($"/api/comments/token?article={article.Id}"));
        var refused = await reader.CommentAsync(article.Id, "Let me say it anyway");

        Assert.Equal("21 May 2024, 00:30 (Moscow time)", moscow);
        Assert.Null(page.QuerySelector("#compose textarea"));
        Assert.Equal($"{CommentMessages.English.BlockedWhy} Your account may not comment until {moscow}.", page.QuerySelector(".comments__blocked")!.TextContent);
        Assert.Equal(page.QuerySelector(".comments__blocked")!.TextContent, mine.RootElement.GetProperty("blocked").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains(moscow, refused.Message);
    }

    [Fact]
    public async Task A_reader_deletes_their_own_comment_and_it_leaves_the_article_page()
    {
        var article = await app.OpenArticleAsync();
        var (_, reader) = await app.ReaderAsync("Anna");
        var (_, other) = await app.ReaderAsync("Boris");
        var posted = await reader.CommentAsync(article.Id, "I take this back");
        var theirs = await other.CommentAsync(article.Id, "Not yours to delete");
        Assert.Contains("I take this back", await app.ShownCommentsAsync(article));

        var mine = await reader.GetDocumentAsync("/account/comments");
        Assert.Equal(["I take this back"], mine.QuerySelectorAll(".comment__text").Select(p => p.TextContent));
        using var notTheirs = await reader.SubmitAsync(mine, "/account/comments", "Delete", ("comment", theirs.Id!.Value.ToString(CultureInfo.InvariantCulture)));
        using var deleted = await reader.SubmitAsync(mine, "/account/comments", "Delete", ("comment", posted.Id!.Value.ToString(CultureInfo.InvariantCulture)));

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        Assert.Equal(["Not yours to delete"], await app.ShownCommentsAsync(article));
        var row = await app.CommentInDbAsync(posted.Id!.Value);
        Assert.Equal((CommentStatus.Deleted, ""), (row.Status, row.Text));
        Assert.Empty((await reader.GetDocumentAsync("/account/comments")).QuerySelectorAll(".comment__text"));
    }

    [Fact]
    public async Task The_data_download_holds_the_readers_account_and_comments_and_nobody_elses()
    {
        var article = await app.OpenArticleAsync();
        var (_, reader) = await app.ReaderAsync("Anna");
        var (_, other) = await app.ReaderAsync("Boris");
        var mineComment = await reader.CommentAsync(article.Id, "Mine to download");
        await other.CommentAsync(article.Id, "Someone else's words");
        await reader.FlagAsync((await other.CommentAsync(article.Id, "Flag me")).Id!.Value, FlagReason.Spam);

        using var response = await reader.GetAsync("/account/data");
        using var data = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        using var anonymous = await app.Reader().GetAsync("/account/data");

        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Anna", data.RootElement.GetProperty("account").GetProperty("displayName").GetString());
        var comments = data.RootElement.GetProperty("comments").EnumerateArray().ToList();
        Assert.Equal([mineComment.Id!.Value], comments.Select(c => c.GetProperty("id").GetInt64()));
        Assert.Equal("Spam", Assert.Single(data.RootElement.GetProperty("reports").EnumerateArray()).GetProperty("reason").GetString());
        Assert.DoesNotContain("Someone else", data.RootElement.GetRawText());
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
    }

    [Fact]
    public async Task The_data_download_names_the_readers_newsletter_subscriptions_and_nobody_elses()
    {
        var (account, reader) = await app.ReaderAsync("Vera");
        var rubric = await new TestPublication(app).RubricAsync("Culture");
        await app.WithDbAsync(async db =>
        {
            // The subscription is kept by address, as the sign-up form stores it.
            var mine = new Subscriber { Email = Broadsheet.Infrastructure.Mail.MailAddresses.Normalise(account.Email!), State = SubscriberState.Confirmed, BreakingAlerts = true, CreatedAt = app.Clock.GetUtcNow().UtcDateTime };
            db.Subscribers.Add(mine);
            db.Subscribers.Add(new Subscriber { Email = "someone.else@example.test", CreatedAt = app.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
            db.Add(new SubscriberRubric { SubscriberId = mine.Id, RubricId = rubric.Id });
            await db.SaveChangesAsync();
        });

        using var data = JsonDocument.Parse(await reader.GetStringAsync("/account/data"));

        var subscription = Assert.Single(data.RootElement.GetProperty("newsletter").EnumerateArray());
        Assert.Equal("Confirmed", subscription.GetProperty("state").GetString());
        Assert.True(subscription.GetProperty("breakingAlerts").GetBoolean());
        Assert.Equal(["Culture"], subscription.GetProperty("rubrics").EnumerateArray().Select(r => r.GetString()));
        Assert.DoesNotContain("someone.else", data.RootElement.GetRawText());
    }

    [Fact]
    public async Task Newest_first_puts_the_latest_thread_on_top_and_long_replies_fold()
    {
        var article = await app.OpenArticleAsync();
        var (_, reader) = await app.ReaderAsync();
        var first = await reader.CommentAsync(article.Id, "First thread");
        for (var i = 1; i <= ThreadView.RepliesShown + 2; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(2));
            await reader.CommentAsync(article.Id, $"Reply {i}", first.Id);
        }
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await reader.CommentAsync(article.Id, "Second thread");

        var oldest = await app.GetPageAsync($"/articles/{article.Id}/comments");
        var newest = await app.GetPageAsync($"/articles/{article.Id}/comments?order=newest");

        string Tops(AngleSharp.Html.Dom.IHtmlDocument page) => string.Join("|", page.QuerySelectorAll("#comments > .comment-list > .comment > .comment__text").Select(p => p.TextContent));
        Assert.Equal("First thread|Second thread", Tops(oldest));
        Assert.Equal("Second thread|First thread", Tops(newest));
        Assert.Equal("Show 2 more replies", oldest.QuerySelector(".comment-list__more summary")!.TextContent);
        Assert.Equal(["Reply 4", "Reply 5"], oldest.QuerySelectorAll(".comment-list__more .comment__text").Select(p => p.TextContent));
    }

    [Fact]
    public async Task The_article_page_links_the_count_to_the_thread_and_carries_nothing_personal()
    {
        var article = await app.OpenArticleAsync();
        var (_, reader) = await app.ReaderAsync("Anna Personal");
        await reader.CommentAsync(article.Id, "One");
        await reader.CommentAsync(article.Id, "Two");

        var page = await reader.GetDocumentAsync(PageUrl.Of(app, article));

        var count = page.QuerySelector(".story__comments a")!;
        Assert.Equal(("2 comments", "#comments"), (count.TextContent, count.GetAttribute("href")));
        Assert.NotNull(page.QuerySelector("#comments"));
        Assert.Empty(page.QuerySelectorAll("#comments form, #comments textarea"));
        Assert.DoesNotContain("RequestVerificationToken", page.DocumentElement.OuterHtml);
        Assert.All(page.QuerySelectorAll("[data-report-comment]"), a => Assert.StartsWith($"/articles/{article.Id}/comments", a.GetAttribute("href")));
        Assert.Equal("Sign in", page.QuerySelector("#account-menu a")!.TextContent);
    }

    [Fact]
    public async Task The_account_menu_is_the_readers_own_and_never_cached()
    {
        var (_, reader) = await app.ReaderAsync("Anna Menu");

        using var anonymous = await app.Reader().GetAsync("/account/menu?back=/");
        using var own = await reader.GetAsync("/account/menu?back=" + Uri.EscapeDataString("//evil.test"));
        var menu = await own.ParseAsync();

        Assert.Equal(HttpStatusCode.NoContent, anonymous.StatusCode);
        Assert.Contains("no-store", own.Headers.CacheControl!.ToString());
        Assert.Equal("Anna Menu", menu.QuerySelector(".account-menu__name")!.TextContent);
        Assert.Equal(["/account/comments", "/account/data", "/account/delete"], menu.QuerySelectorAll(".account-menu__list a").Select(a => a.GetAttribute("href")));
        Assert.True(string.IsNullOrEmpty(menu.QuerySelector("form[action='/account/sign-out'] input[name=returnUrl]")!.GetAttribute("value")));
        Assert.NotNull(menu.QuerySelector("form[action='/account/sign-out'] input[name=__RequestVerificationToken]"));
    }
}
