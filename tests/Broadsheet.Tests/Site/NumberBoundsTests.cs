using System.Net;
using Broadsheet.Features.Articles;
using Broadsheet.Tests.Comments;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Site;

/// <summary>Numbers from forms and addresses that are out of range or not numbers at all: a 400 or the form again, never a 500, and nothing saved.</summary>
public sealed class NumberBoundsTests : IDisposable
{
    private readonly BroadsheetApp app = new();

    public NumberBoundsTests() => app.Settings["Broadsheet:Comments:PreModerationApprovals"] = "1";

    public void Dispose() => app.Dispose();

    private const string Queue = "/newsroom/moderation";

    [Theory]
    [InlineData("2147483647")]
    [InlineData("3651")]
    [InlineData("-1")]
    [InlineData("-2147483648")]
    [InlineData("99999999999")]
    [InlineData("a week")]
    public async Task A_block_for_an_impossible_number_of_days_is_refused_and_the_reader_may_still_comment(string days)
    {
        var article = await app.OpenArticleAsync();
        var (account, reader) = await app.ReaderAsync("Dmitri");
        var held = await reader.CommentAsync(article.Id, "A first comment");
        var moderator = await app.SignedInAsync("Moderator");

        using var answer = await moderator.SubmitAsync(Queue, "Block", ("account", account.Id), ("days", days));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Id == account.Id).Select(u => u.BlockedUntil).SingleAsync()));
        Assert.Equal(Broadsheet.Features.Comments.CommentStatus.Held, (await app.CommentInDbAsync(held.Id!.Value)).Status);
    }

    [Fact]
    public async Task A_block_for_the_longest_offered_time_still_works()
    {
        var article = await app.OpenArticleAsync();
        var (account, reader) = await app.ReaderAsync("Dmitri");
        await reader.CommentAsync(article.Id, "A first comment");
        var moderator = await app.SignedInAsync("Moderator");

        using var answer = await moderator.SubmitAsync(Queue, "Block", ("account", account.Id), ("days", "3650"));

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal(BroadsheetApp.DefaultNow.UtcDateTime.AddDays(3650),
            await app.WithDbAsync(db => db.Users.Where(u => u.Id == account.Id).Select(u => u.BlockedUntil).SingleAsync()));
    }

    [Theory]
    [InlineData("0", HttpStatusCode.BadRequest)]
    [InlineData("-1", HttpStatusCode.BadRequest)]
    [InlineData("abc", HttpStatusCode.BadRequest)]
    [InlineData("99999999999", HttpStatusCode.BadRequest)]
    [InlineData("2", HttpStatusCode.NotFound)]
    [InlineData("2147483647", HttpStatusCode.NotFound)]
    public async Task A_comment_page_number_that_is_not_a_page_is_refused_on_the_page_and_in_the_api(string page, HttpStatusCode expected)
    {
        var article = await app.OpenArticleAsync();
        var reader = app.Reader();

        using var html = await reader.GetAsync($"/articles/{article.Id}/comments?page={page}");
        using var json = await reader.GetAsync($"/api/articles/{article.Id}/comments?page={page}");

        Assert.Equal(expected, html.StatusCode);
        Assert.Equal(expected, json.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/articles/{article.Id}/comments?page=1")).StatusCode);
    }

    [Fact]
    public async Task The_second_page_of_a_discussion_shows_the_comments_after_the_first()
    {
        app.Settings["Broadsheet:Comments:PageSize"] = "2";
        app.WithoutPreModeration();
        var article = await app.OpenArticleAsync();
        var (_, commenter) = await app.ReaderAsync("Dmitri");
        foreach (var text in new[] { "First", "Second", "Third" })
            Assert.Equal(HttpStatusCode.Created, (await commenter.CommentAsync(article.Id, text)).Status);

        var second = await app.GetPageAsync($"/articles/{article.Id}/comments?page=2");

        Assert.Equal(["Third"], second.QuerySelectorAll(".comment__text").Select(c => c.TextContent.Trim()));
    }

    [Theory]
    [InlineData("/newsroom/audit?before=abc")]
    [InlineData("/newsroom/audit?before=99999999999999999999")]
    [InlineData("/newsroom?state=7")]
    [InlineData("/newsroom?state=drafts")]
    [InlineData("/newsroom/typo-reports?blocked=99999999999")]
    [InlineData("/newsroom/taxonomy/authors?id=abc")]
    [InlineData("/newsroom/articles/1/revisions?from=abc")]
    public async Task A_newsroom_address_with_a_number_that_is_not_one_is_a_bad_request(string path)
    {
        await new TestPublication(app).ArticleAsync("Story");
        var admin = await app.SignedInAsync("Admin");

        using var answer = await admin.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
    }

    [Theory]
    [InlineData("10000")]
    [InlineData("-1")]
    [InlineData("99999999999")]
    [InlineData("first")]
    public async Task A_rubric_order_out_of_range_shows_the_form_again_and_saves_nothing(string position)
    {
        var admin = await app.SignedInAsync("Admin");

        using var answer = await admin.SubmitAsync("/newsroom/taxonomy/rubrics", "Save", ("Input.Name", "Weather"), ("Input.Position", position));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.NotEmpty((await answer.ParseAsync()).QuerySelector(".desk__error")!.TextContent.Trim());
        Assert.Equal(0, await app.WithDbAsync(db => db.Rubrics.CountAsync()));
    }

    [Theory]
    [InlineData("9999-12-31T23:59")]
    [InlineData("2035-01-01T00:00")]
    [InlineData("0001-01-01T00:00")]
    public async Task Scheduling_an_article_for_a_time_out_of_range_shows_the_form_again_and_schedules_nothing(string at)
    {
        var editor = await app.SignedInAsync("Editor");

        using var answer = await editor.SubmitAsync("/newsroom/articles/new", "Schedule", ("Input.Title", "Far future"), ("Input.ScheduleAt", at));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("between now and 5 years ahead", (await answer.ParseAsync()).Body!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.Articles.CountAsync(a => a.Status == ArticleStatus.Scheduled)));
    }

    [Fact]
    public async Task Scheduling_for_the_hour_summer_time_skips_goes_out_just_after_it()
    {
        var admin = await app.SignedInAsync("Admin");
        using (await admin.SubmitAsync("/newsroom/settings", null, ("Input.TimeZoneId", "Europe/London"))) { }
        var editor = await app.SignedInAsync("Editor");

        // 30 March 2025: London's clocks go from 01:00 to 02:00; 01:30 never happens.
        using var answer = await editor.SubmitAsync("/newsroom/articles/new", "Schedule", ("Input.Title", "Spring forward"), ("Input.ScheduleAt", "2025-03-30T01:30"));

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal(new DateTime(2025, 3, 30, 1, 0, 0, DateTimeKind.Utc),
            await app.WithDbAsync(db => db.Articles.Where(a => a.Status == ArticleStatus.Scheduled).Select(a => a.PublishedAt).SingleAsync()));
    }
}
