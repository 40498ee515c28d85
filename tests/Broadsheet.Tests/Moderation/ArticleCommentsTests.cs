using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Broadsheet.Features.Comments;
using Broadsheet.Tests.Comments;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Moderation;

/// <summary>One article's comments in the newsroom, and the moderator's way there from the public page and the editor.</summary>
public sealed class ArticleCommentsTests : IDisposable
{
    private readonly BroadsheetApp app = new();

    public ArticleCommentsTests()
    {
        app.Settings["Broadsheet:PublicUrl"] = "https://news.test";
        app.WithoutPreModeration();
    }

    public void Dispose() => app.Dispose();

    private static string Of(int articleId) => $"/newsroom/moderation/articles/{articleId}";

    /// <summary>Presses the button a moderator sees on one comment's card, as a browser would send it.</summary>
    public static async Task<HttpResponseMessage> PressAsync(HttpClient client, IHtmlDocument page, long commentId, string button)
    {
        var card = page.QuerySelector($"[data-comment='{commentId}']") ?? throw new Xunit.Sdk.XunitException($"no card for comment {commentId}");
        var pressed = card.QuerySelectorAll("button").FirstOrDefault(b => b.TextContent.Trim() == button)
            ?? throw new Xunit.Sdk.XunitException($"the card has no \"{button}\" button; it has {string.Join(", ", card.QuerySelectorAll("button").Select(b => b.TextContent.Trim()))}");
        var form = pressed.Closest("form")!;
        var fields = Forms.Fields(form);
        if (pressed.GetAttribute("name") is { } name) fields.Add(new(name, pressed.GetAttribute("value") ?? ""));
        return await client.PostAsync(form.GetAttribute("action")!, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task Every_comment_of_a_long_thread_is_reachable_page_by_page_newest_first()
    {
        var article = await app.OpenArticleAsync();
        var size = Broadsheet.Features.Newsroom.Moderation.ArticleCommentsModel.PageSize;
        // Stored directly: paging is under test, not the rate limits that posting hundreds would meet.
        await app.WithDbAsync(async db =>
        {
            for (var i = 1; i <= size * 2 + 5; i++)
                db.Add(new Comment { ArticleId = article.Id, Text = $"Comment number {i}", Status = i % 10 == 0 ? CommentStatus.Held : CommentStatus.Published, CreatedAt = app.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        });
        var moderator = await app.SignedInAsync("Moderator");

        var seen = new List<string>();
        var path = Of(article.Id);
        for (var pages = 0; path is not null; pages++)
        {
            Assert.True(pages < 3, "more pages than comments need");
            var page = await moderator.GetDocumentAsync(path);
            var texts = page.QuerySelectorAll("[data-comment]").Select(c => c.QuerySelector(".moderation-item__text")!.TextContent.Trim()).ToList();
            Assert.InRange(texts.Count, 1, size);
            seen.AddRange(texts);
            path = page.QuerySelector("a[rel=next]")?.GetAttribute("href");
        }
        Assert.Equal(Enumerable.Range(1, size * 2 + 5).Reverse().Select(i => $"Comment number {i}"), seen);

        // A state keeps its paging: the held ones (every tenth) fit one page, with no link onwards.
        var held = await moderator.GetDocumentAsync(Of(article.Id) + "?state=Held");
        Assert.Equal((size * 2 + 5) / 10, held.QuerySelectorAll("[data-comment]").Length);
        Assert.Null(held.QuerySelector("a[rel=next]"));
    }

    [Fact]
    public async Task A_moderator_removes_a_published_comment_nobody_flagged_and_it_leaves_the_cached_page()
    {
        var article = await app.OpenArticleAsync();
        var (_, reader) = await app.ReaderAsync();
        var posted = await reader.CommentAsync(article.Id, "Shown until a moderator looks");
        Assert.Equal(["Shown until a moderator looks"], await app.ShownCommentsAsync(article));
        var moderator = await app.SignedInAsync("Moderator");

        var page = await moderator.GetDocumentAsync(Of(article.Id));
        using var done = await PressAsync(moderator, page, posted.Id!.Value, "Remove");

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(Of(article.Id), done.Headers.Location!.OriginalString);
        Assert.Empty(await app.ShownCommentsAsync(article));
        Assert.Equal(CommentStatus.Deleted, (await app.CommentInDbAsync(posted.Id!.Value)).Status);
        var entry = await app.WithDbAsync(db => db.AuditLog.AsNoTracking().SingleAsync(e => e.Action == "comment-delete"));
        Assert.Equal(article.Id, entry.ArticleId);
        Assert.Contains($"comment {posted.Id}; was published", entry.Details);
        Assert.NotEqual("system", entry.Actor);
    }

    [Fact]
    public async Task An_articles_comments_show_every_state_and_each_state_on_its_own()
    {
        var article = await app.OpenArticleAsync();
        var (_, reader) = await app.ReaderAsync();
        var ids = new List<long>();
        foreach (var text in new[] { "Published one", "Held one", "Rejected one", "Removed one" })
            ids.Add((await reader.CommentAsync(article.Id, text)).Id!.Value);
        await app.WithDbAsync(async db =>
        {
            await db.Comments.Where(c => c.Id == ids[1]).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CommentStatus.Held));
            await db.Comments.Where(c => c.Id == ids[2]).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CommentStatus.Rejected));
            await db.Comments.Where(c => c.Id == ids[3]).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CommentStatus.Deleted));
        });
        var moderator = await app.SignedInAsync("Moderator");

        var all = await moderator.GetDocumentAsync(Of(article.Id));
        var held = await moderator.GetDocumentAsync(Of(article.Id) + "?state=Held");

        Assert.Equal(["Deleted", "Rejected", "Held", "Published"], all.QuerySelectorAll("[data-comment]").Select(c => c.GetAttribute("data-status")!));
        Assert.Equal(["Held one"], held.QuerySelectorAll(".moderation-item__text").Select(p => p.TextContent));
        // Each state offers what can be done with it: a removed comment comes back, a published one goes.
        Assert.Contains(all.QuerySelectorAll($"[data-comment='{ids[3]}'] button"), b => b.TextContent.Trim() == "Restore");
        Assert.Contains(all.QuerySelectorAll($"[data-comment='{ids[0]}'] button"), b => b.TextContent.Trim() == "Hide until reviewed");
    }

    [Fact]
    public async Task Hiding_takes_a_comment_off_the_page_and_restoring_brings_it_back_each_act_audited()
    {
        var article = await app.OpenArticleAsync();
        var (_, reader) = await app.ReaderAsync();
        var posted = await reader.CommentAsync(article.Id, "Disputed claim");
        var moderator = await app.SignedInAsync("Moderator");
        Assert.Equal(["Disputed claim"], await app.ShownCommentsAsync(article));

        using (await PressAsync(moderator, await moderator.GetDocumentAsync(Of(article.Id)), posted.Id!.Value, "Hide until reviewed")) { }
        Assert.Empty(await app.ShownCommentsAsync(article));
        using (await PressAsync(moderator, await moderator.GetDocumentAsync(Of(article.Id)), posted.Id!.Value, "Publish")) { }
        Assert.Equal(["Disputed claim"], await app.ShownCommentsAsync(article));
        using (await PressAsync(moderator, await moderator.GetDocumentAsync(Of(article.Id)), posted.Id!.Value, "Remove")) { }
        using (await PressAsync(moderator, await moderator.GetDocumentAsync(Of(article.Id)), posted.Id!.Value, "Restore")) { }

        Assert.Equal(["Disputed claim"], await app.ShownCommentsAsync(article));
        Assert.Equal(["comment-hide", "comment-approve", "comment-delete", "comment-restore"],
            await app.WithDbAsync(db => db.AuditLog.AsNoTracking().Where(e => e.ArticleId == article.Id && e.Action.StartsWith("comment-")).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync()));
    }

    [Fact]
    public async Task Bulk_removal_takes_down_only_the_ticked_comments_and_audits_each()
    {
        var article = await app.OpenArticleAsync();
        var (_, reader) = await app.ReaderAsync();
        var first = (await reader.CommentAsync(article.Id, "Spam number one")).Id!.Value;
        var second = (await reader.CommentAsync(article.Id, "Spam number two")).Id!.Value;
        await reader.CommentAsync(article.Id, "A fair point");
        var moderator = await app.SignedInAsync("Moderator");
        var page = await moderator.GetDocumentAsync(Of(article.Id));
        Assert.Equal(3, page.QuerySelectorAll("input[name=comments][form=bulk]").Length);

        using var done = await moderator.SubmitAsync(page, Of(article.Id), "Bulk",
            ("comments", first.ToString(CultureInfo.InvariantCulture)), ("comments", second.ToString(CultureInfo.InvariantCulture)), ("decision", "Deleted"));

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(["A fair point"], await app.ShownCommentsAsync(article));
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditLog.CountAsync(e => e.Action == "comment-delete" && e.ArticleId == article.Id)));
        var after = await moderator.GetDocumentAsync(Of(article.Id));
        Assert.Equal("Removed: 2.", after.QuerySelector("[role=status]")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_moderator_holds_every_comment_on_one_article_then_closes_it_without_its_number()
    {
        var article = await app.OpenArticleAsync();
        var (_, reader) = await app.ReaderAsync();
        var moderator = await app.SignedInAsync("Moderator");

        using (await moderator.SubmitAsync(Of(article.Id), "Thread", ("mode", "HoldAll"))) { }
        var held = await reader.CommentAsync(article.Id, "On a heated story");
        using (await moderator.SubmitAsync(Of(article.Id), "Thread", ("mode", "Closed"))) { }
        var closed = await reader.CommentAsync(article.Id, "Still want to speak");
        var page = await moderator.GetDocumentAsync(Of(article.Id));

        Assert.Equal(HttpStatusCode.Accepted, held.Status);
        Assert.Equal(HttpStatusCode.Forbidden, closed.Status);
        Assert.Equal("Closed", page.QuerySelector("[data-mode]")!.GetAttribute("data-mode"));
        Assert.True(await app.WithDbAsync(db => db.AuditLog.AnyAsync(e => e.Action == "comments-holdall" && e.ArticleId == article.Id)));
        Assert.True(await app.WithDbAsync(db => db.AuditLog.AnyAsync(e => e.Action == "comments-closed" && e.ArticleId == article.Id)));
    }

    [Fact]
    public async Task Moderators_get_their_link_on_the_public_page_per_request_and_nobody_else_does()
    {
        var article = await app.OpenArticleAsync();
        var (_, reader) = await app.ReaderAsync();
        var moderator = await app.SignedInAsync("Moderator");
        var author = await app.SignedInAsync("Author");
        var path = $"/api/moderation/articles/{article.Id}";

        using var asModerator = await moderator.GetAsync(path);
        using var asReader = await reader.GetAsync(path);
        using var asAuthor = await author.GetAsync(path);
        using var anonymous = await app.Reader().GetAsync(path);
        var publicPage = await app.GetPageAsync(PageUrl.Of(app, article));

        Assert.Equal(HttpStatusCode.OK, asModerator.StatusCode);
        Assert.Contains("no-store", asModerator.Headers.CacheControl!.ToString());
        using var json = JsonDocument.Parse(await asModerator.Content.ReadAsStringAsync());
        Assert.Equal(Of(article.Id), json.RootElement.GetProperty("href").GetString());
        Assert.Equal("Manage comments", json.RootElement.GetProperty("label").GetString());
        Assert.Equal(HttpStatusCode.NoContent, asReader.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, asAuthor.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, anonymous.StatusCode);
        // The cached page itself names nothing staff-only: the script asks for it.
        Assert.StartsWith("/js/staff-comments.min.js", publicPage.QuerySelector("script[data-staff-script]")!.GetAttribute("data-staff-script"));
        Assert.Null(publicPage.QuerySelector("[data-staff-comments]"));
        Assert.DoesNotContain("/newsroom/moderation", publicPage.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task Remove_on_the_public_page_asks_first_on_a_page_whose_form_removes_and_returns_there()
    {
        var article = await app.OpenArticleAsync();
        var (_, reader) = await app.ReaderAsync();
        var posted = await reader.CommentAsync(article.Id, "Remove me from the page");
        var moderator = await app.SignedInAsync("Moderator");
        using var json = JsonDocument.Parse(await moderator.GetStringAsync($"/api/moderation/articles/{article.Id}"));
        var publicPath = PageUrl.Of(app, article);
        var question = json.RootElement.GetProperty("confirm").GetString()!.Replace("{id}", posted.Id!.Value.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            + "?back=" + Uri.EscapeDataString(publicPath + "#comments");

        // Following the link removes nothing: the question names the comment and waits for the answer.
        var page = await moderator.GetDocumentAsync(question);
        Assert.Equal("Remove me from the page", page.QuerySelector("blockquote")!.TextContent.Trim());
        Assert.Equal(publicPath + "#comments", page.QuerySelector("form[action*='handler=Decide'] a")!.GetAttribute("href"));
        Assert.Equal(["Remove me from the page"], await app.ShownCommentsAsync(article));

        using var done = await moderator.SubmitAsync(page, question, "Decide");

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(publicPath + "#comments", done.Headers.Location!.OriginalString);
        Assert.Empty(await app.ShownCommentsAsync(article));
        using var elsewhere = await moderator.GetAsync(question.Split('?')[0] + "?back=https%3A%2F%2Fevil.test%2F");
        Assert.Contains($"/newsroom/moderation/articles/{article.Id}", await elsewhere.Content.ReadAsStringAsync());
        Assert.DoesNotContain("evil.test", await elsewhere.Content.ReadAsStringAsync());
        using var asReader = await reader.GetAsync(question);
        Assert.Equal(HttpStatusCode.Forbidden, asReader.StatusCode);
    }

    [Fact]
    public async Task The_editor_links_to_the_articles_comments_for_moderators()
    {
        var article = await app.OpenArticleAsync();
        var editor = await app.SignedInAsync("Editor");

        var page = await editor.GetDocumentAsync($"/newsroom/articles/{article.Id}");

        Assert.Equal(Of(article.Id), page.QuerySelector("a[data-article-comments]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_moderator_cannot_be_sent_off_the_site_after_an_act()
    {
        var article = await app.OpenArticleAsync();
        var (_, reader) = await app.ReaderAsync();
        var posted = await reader.CommentAsync(article.Id, "Any comment");
        var moderator = await app.SignedInAsync("Moderator");

        using var done = await moderator.SubmitAsync(Of(article.Id), "Decide",
            ("comment", posted.Id!.Value.ToString(CultureInfo.InvariantCulture)), ("decision", "Held"), ("back", "//evil.test/phish"));

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/newsroom/moderation", done.Headers.Location!.OriginalString);
    }
}
