using System.Net;
using Broadsheet.Features.Comments;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Comments;

public sealed class CommentPostingTests : IDisposable
{
    private readonly BroadsheetApp app = new();

    public CommentPostingTests() => app.WithoutPreModeration();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_published_comment_appears_under_the_cached_article_with_its_line_breaks()
    {
        var article = await app.OpenArticleAsync();
        Assert.Empty(await app.ShownCommentsAsync(article)); // the page is now in the cache
        var (_, reader) = await app.ReaderAsync("Anna Petrova");

        var answer = await reader.CommentAsync(article.Id, "First line\nsecond line");

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        var page = await app.GetPageAsync(PageUrl.Of(app, article));
        Assert.Equal("First line\nsecond line", page.QuerySelector("#comments .comment__text")!.TextContent);
        Assert.Equal("Anna Petrova", page.QuerySelector("#comments .comment__author")!.TextContent);
        Assert.Equal("1", page.QuerySelector("#comments .comments__count")!.TextContent);
    }

    [Fact]
    public async Task The_cached_article_page_carries_no_form_and_no_token()
    {
        var article = await app.OpenArticleAsync();
        var (_, reader) = await app.ReaderAsync();
        await reader.CommentAsync(article.Id, "Something to show");

        using var response = await reader.GetAsync(PageUrl.Of(app, article));
        var page = await response.ParseAsync();

        Assert.Empty(page.QuerySelectorAll("#comments form"));
        Assert.Empty(page.QuerySelectorAll("input[name=__RequestVerificationToken]"));
        Assert.Equal($"/articles/{article.Id}/comments#compose", page.QuerySelector("#comment-compose a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Comments_read_oldest_first_with_replies_under_their_comment()
    {
        var article = await app.OpenArticleAsync();
        var (_, anna) = await app.ReaderAsync("Anna");
        var (_, boris) = await app.ReaderAsync("Boris");
        var first = await anna.CommentAsync(article.Id, "The first comment");
        await boris.CommentAsync(article.Id, "The second comment");
        var reply = await boris.CommentAsync(article.Id, "A reply to the first", first.Id);
        // A reply to a reply joins the same thread: one level only.
        await anna.CommentAsync(article.Id, "A reply to the reply", reply.Id);

        var page = await app.GetPageAsync(PageUrl.Of(app, article));
        var top = page.QuerySelectorAll("#comments > .comment-list > .comment").ToList();
        Assert.Equal(2, top.Count);
        Assert.Equal(["A reply to the first", "A reply to the reply"],
            top[0].QuerySelectorAll(".comment-list--replies .comment__text").Select(e => e.TextContent));
        Assert.Equal("The second comment", top[1].QuerySelector(".comment__text")!.TextContent);
    }

    [Fact]
    public async Task Signed_out_readers_get_401_and_a_missing_token_400_never_500()
    {
        var article = await app.OpenArticleAsync();
        var stranger = app.Reader();
        var signedOut = await CommentSteps.SendAsync(stranger, HttpMethod.Post, $"/api/articles/{article.Id}/comments", new { text = "hello there" });
        Assert.Equal(HttpStatusCode.Unauthorized, signedOut.Status);
        Assert.Equal(CommentMessages.English.SignInFirst, signedOut.Message);

        var (_, reader) = await app.ReaderAsync();
        var noToken = await CommentSteps.SendAsync(reader, HttpMethod.Post, $"/api/articles/{article.Id}/comments", new { text = "hello there" }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.Status);
        Assert.Equal(0, await app.WithDbAsync(db => db.Comments.CountAsync()));
    }

    [Fact]
    public async Task Too_long_and_too_short_comments_are_refused_with_a_clear_message()
    {
        var article = await app.OpenArticleAsync();
        var (_, reader) = await app.ReaderAsync();

        var tooLong = await reader.CommentAsync(article.Id, new string('a', Comment.TextMax + 1));
        var empty = await reader.CommentAsync(article.Id, "   \n ");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.Status);
        Assert.Equal("A comment may be at most 4,000 characters long; this one has 4,001.", tooLong.Message);
        Assert.Equal(CommentMessages.English.TooShort, empty.Message);
    }

    [Fact]
    public async Task The_same_text_twice_in_a_row_is_refused()
    {
        var article = await app.OpenArticleAsync();
        var (_, reader) = await app.ReaderAsync();
        Assert.Equal(HttpStatusCode.Created, (await reader.CommentAsync(article.Id, "Well said")).Status);

        var again = await reader.CommentAsync(article.Id, "Well said");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.Status);
        Assert.Equal(CommentMessages.English.Duplicate, again.Message);
    }

    [Fact]
    public async Task A_reader_may_edit_their_comment_for_ten_minutes_only()
    {
        var article = await app.OpenArticleAsync();
        var (_, reader) = await app.ReaderAsync();
        var posted = await reader.CommentAsync(article.Id, "Teh budget is late");

        app.Clock.Advance(TimeSpan.FromMinutes(9));
        var early = await reader.EditAsync(posted.Id!.Value, "The budget is late");
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var late = await reader.EditAsync(posted.Id!.Value, "The budget is very late");

        Assert.Equal(HttpStatusCode.OK, early.Status);
        Assert.Equal(HttpStatusCode.Forbidden, late.Status);
        Assert.Equal(CommentMessages.English.EditWindowOver, late.Message);
        Assert.Equal(["The budget is late"], await app.ShownCommentsAsync(article));
    }

    [Fact]
    public async Task Nobody_edits_another_readers_comment()
    {
        var article = await app.OpenArticleAsync();
        var (_, anna) = await app.ReaderAsync();
        var (_, boris) = await app.ReaderAsync();
        var posted = await anna.CommentAsync(article.Id, "Mine, not yours");

        var answer = await boris.EditAsync(posted.Id!.Value, "Now it is mine");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("Mine, not yours", (await app.CommentInDbAsync(posted.Id!.Value)).Text);
    }

    [Fact]
    public async Task A_comment_flagged_by_three_readers_is_held_and_leaves_the_page()
    {
        var article = await app.OpenArticleAsync();
        var (_, author) = await app.ReaderAsync();
        var posted = await author.CommentAsync(article.Id, "A contested opinion");
        var flaggers = new List<HttpClient>();
        for (var i = 0; i < 3; i++) flaggers.Add((await app.ReaderAsync()).Client);

        await flaggers[0].FlagAsync(posted.Id!.Value, FlagReason.Insult);
        await flaggers[0].FlagAsync(posted.Id!.Value, FlagReason.Insult); // the same reader twice counts once
        await flaggers[1].FlagAsync(posted.Id!.Value, FlagReason.Spam);
        Assert.Equal(CommentStatus.Published, (await app.CommentInDbAsync(posted.Id!.Value)).Status);
        Assert.Equal(["A contested opinion"], await app.ShownCommentsAsync(article));
        await flaggers[2].FlagAsync(posted.Id!.Value, FlagReason.FalseInformation);

        var held = await app.CommentInDbAsync(posted.Id!.Value);
        Assert.Equal(CommentStatus.Held, held.Status);
        Assert.Equal("flagged by 3 readers", held.Rule);
        Assert.Empty(await app.ShownCommentsAsync(article));
    }

    [Fact]
    public async Task Five_comments_a_minute_then_429_with_a_message()
    {
        var article = await app.OpenArticleAsync();
        var (_, reader) = await app.ReaderAsync();
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.Created, (await reader.CommentAsync(article.Id, $"Comment number {i}")).Status);

        var sixth = await reader.CommentAsync(article.Id, "Comment number 5");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var later = await reader.CommentAsync(article.Id, "Comment number 6");

        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.Status);
        Assert.Equal("You can post 5 comments a minute. Please wait a little.", sixth.Message);
        Assert.Equal(HttpStatusCode.Created, later.Status);
    }

    [Fact]
    public async Task The_daily_limit_counts_per_address_across_accounts()
    {
        app.Settings["Broadsheet:Comments:PerDay"] = "3";
        var article = await app.OpenArticleAsync();
        for (var i = 0; i < 3; i++)
        {
            var (_, reader) = await app.ReaderAsync();
            Assert.Equal(HttpStatusCode.Created, (await reader.CommentAsync(article.Id, $"From the same address {i}")).Status);
            app.Clock.Advance(TimeSpan.FromMinutes(5));
        }

        var (_, another) = await app.ReaderAsync();
        var refused = await another.CommentAsync(article.Id, "One more from here");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("You can post 3 comments a day. Please come back tomorrow.", refused.Message);
    }

    [Fact]
    public async Task Comments_close_by_themselves_after_the_set_number_of_days()
    {
        app.Settings["Broadsheet:Comments:CloseAfterDays"] = "7";
        var article = await new TestPublication(app).ArticleAsync("Old news", publishedAt: app.Clock.GetUtcNow().UtcDateTime.AddDays(-8));
        var (_, reader) = await app.ReaderAsync();

        var answer = await reader.CommentAsync(article.Id, "Too late for this");

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal(CommentMessages.English.Closed, answer.Message);
        var page = await app.GetPageAsync(PageUrl.Of(app, article));
        Assert.Null(page.QuerySelector("#comment-compose"));
    }

    [Fact]
    public async Task An_article_with_comments_off_refuses_them()
    {
        var article = await app.OpenArticleAsync();
        await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.CommentsEnabled, false)));
        var (_, reader) = await app.ReaderAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await reader.CommentAsync(article.Id, "Anyone here?")).Status);
    }

    [Fact]
    public async Task The_comments_page_posts_without_javascript_and_shows_the_comment()
    {
        var article = await app.OpenArticleAsync();
        var (_, reader) = await app.ReaderAsync("Vera");
        var path = $"/articles/{article.Id}/comments";

        using var posted = await reader.SubmitAsync(path, null, ("Text", "Posted from the plain form"));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var page = await reader.GetDocumentAsync(path);
        Assert.Equal("Posted from the plain form", page.QuerySelector(".comment__text")!.TextContent);
        Assert.Equal(CommentMessages.English.Published, page.QuerySelector(".comments__status")!.TextContent);
    }

    [Fact]
    public async Task The_comments_page_shows_a_refusal_in_place_with_its_status()
    {
        var article = await app.OpenArticleAsync();
        var (_, reader) = await app.ReaderAsync();

        using var refused = await reader.SubmitAsync($"/articles/{article.Id}/comments", null, ("Text", "see spam-site.com now"));
        var page = await refused.ParseAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(CommentMessages.English.ThirdPartyLink, page.QuerySelector(".comments__problem")!.TextContent);
        Assert.Equal("see spam-site.com now", page.QuerySelector("#comment-text")!.TextContent);
    }

    [Fact]
    public async Task The_json_api_lists_published_comments_with_their_authors()
    {
        var article = await app.OpenArticleAsync();
        var (_, reader) = await app.ReaderAsync("Galina");
        await reader.CommentAsync(article.Id, "Listed in the API");

        var json = await app.Reader().GetStringAsync($"/api/articles/{article.Id}/comments");
        using var doc = System.Text.Json.JsonDocument.Parse(json);

        Assert.Equal(1, doc.RootElement.GetProperty("count").GetInt32());
        var first = doc.RootElement.GetProperty("comments")[0];
        Assert.Equal("Galina", first.GetProperty("author").GetString());
        Assert.Equal("Listed in the API", first.GetProperty("text").GetString());
    }
}
