using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Live;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Live;

/// <summary>Live coverage end to end: the newsroom posts, the page (cached, no script needed) shows, the stream and the poll carry changes.</summary>
public sealed class LiveCoverageTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public LiveCoverageTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task The_newsroom_posts_and_readers_see_the_entry_in_the_page_without_script()
    {
        var article = await publication.ArticleAsync("Election night", body: "The summary of the night.");
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        var desk = $"/newsroom/articles/{article.Id}/live";
        var url = PageUrl.Of(app, article);
        // The ordinary page first, so a cached copy exists that the start must evict.
        Assert.Null((await app.GetPageAsync(url)).QuerySelector(".live"));

        using (var started = await editor.SubmitAsync(desk, "Start")) Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        using (var posted = await editor.SubmitAsync(desk, "Post", ("Headline", "Turnout 71%"), ("Body", "The commission gives **71%**."), ("KeyEvent", "true")))
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        using (var second = await editor.SubmitAsync(desk, "Post", ("Body", "Counting has begun.")))
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        var page = await app.GetPageAsync(url);
        var entries = page.QuerySelectorAll(".live-entry");
        Assert.Equal(2, entries.Length);
        // Newest first.
        Assert.Contains("Counting has begun.", entries[0].TextContent);
        var key = entries[1];
        Assert.Equal("Turnout 71%", key.QuerySelector(".live-entry__headline")!.TextContent);
        Assert.Equal("71%", key.QuerySelector(".live-entry__body strong")!.TextContent);
        // The site's zone (Moscow in the tests): 09:00 UTC is 12:00.
        Assert.EndsWith("+03:00", key.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal("12:00", key.QuerySelector("time")!.TextContent);
        Assert.Equal("#" + key.Id, key.QuerySelector(".live-entry__time")!.GetAttribute("href"));
        Assert.EndsWith(url + "#" + key.Id, key.QuerySelector(".live-entry__share a")!.GetAttribute("href"));
        Assert.Equal("Editor", key.QuerySelector(".live-entry__author")!.TextContent);
        // The key events list jumps to the pinned entry; the refresh link stands in for the script.
        Assert.Equal("#" + key.Id, page.QuerySelector(".live__key a")!.GetAttribute("href"));
        Assert.Equal(url, page.QuerySelector(".live__refresh a")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector(".live__badge"));
        var jsonLd = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal("LiveBlogPosting", jsonLd.GetProperty("@type").GetString());
        Assert.Equal(2, jsonLd.GetProperty("liveBlogUpdate").GetArrayLength());
        Assert.Contains("The summary of the night.", page.QuerySelector(".story__body")!.TextContent);
    }

    [Fact]
    public async Task Edit_pin_and_delete_change_the_page_and_leave_an_audit_line()
    {
        var article = await LiveArticleAsync();
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        var desk = $"/newsroom/articles/{article.Id}/live";
        (await editor.SubmitAsync(desk, "Post", ("Body", "Frist result in."))).Dispose();
        var entryId = await app.WithDbAsync(db => db.LiveEntries.Select(e => e.Id).SingleAsync());

        (await editor.PostAsync($"{desk}?handler=Edit&entry={entryId}", await FormAsync(editor, desk, ("Headline", ""), ("Body", "First result in.")))).Dispose();
        (await editor.PostAsync($"{desk}?handler=Pin&entry={entryId}", await FormAsync(editor, desk, ("key", "true")))).Dispose();
        var page = await app.GetPageAsync(PageUrl.Of(app, article));
        var entry = page.QuerySelector(".live-entry")!;
        Assert.Equal("First result in.", entry.QuerySelector(".live-entry__body")!.TextContent.Trim());
        Assert.NotNull(entry.QuerySelector(".live-entry__edited"));
        Assert.Contains("live-entry--key", entry.ClassName);

        (await editor.PostAsync($"{desk}?handler=Delete&entry={entryId}", await FormAsync(editor, desk))).Dispose();
        page = await app.GetPageAsync(PageUrl.Of(app, article));
        Assert.Empty(page.QuerySelectorAll(".live-entry"));
        var actions = await app.WithDbAsync(db => db.AuditLog.Where(a => a.ArticleId == article.Id).Select(a => a.Action).ToListAsync());
        Assert.Contains(LiveDesk.Actions.Edit, actions);
        Assert.Contains(LiveDesk.Actions.Pin, actions);
        Assert.Contains(LiveDesk.Actions.Delete, actions);
    }

    [Fact]
    public async Task An_empty_update_returns_the_form_with_a_message_and_saves_nothing()
    {
        var article = await LiveArticleAsync();
        var writer = await app.SignedInAsync(StaffRoles.Author);
        using var response = await writer.SubmitAsync($"/newsroom/articles/{article.Id}/live", "Post", ("Body", "   "));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await response.ParseAsync()).QuerySelector("[role=alert]"));
        Assert.Equal(0, await app.WithDbAsync(db => db.LiveEntries.CountAsync()));
    }

    [Fact]
    public async Task Authors_post_but_only_editors_start_or_close_coverage()
    {
        var article = await publication.ArticleAsync("Storm night");
        var writer = await app.SignedInAsync(StaffRoles.Author);
        var desk = $"/newsroom/articles/{article.Id}/live";
        var page = await writer.GetDocumentAsync(desk);
        Assert.Null(page.QuerySelector("button[formaction*='handler=Start']"));
        (await writer.PostAsync($"{desk}?handler=Start", await FormAsync(writer, desk))).Dispose();
        Assert.Equal(LiveState.None, await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).Select(a => a.Live).SingleAsync()));
        using (var posted = await writer.SubmitAsync(desk, "Post", ("Body", "Wind rising."))) Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var moderator = await app.SignedInAsync(StaffRoles.Moderator);
        using var refused = await moderator.GetAsync(desk);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    [Fact]
    public async Task The_stream_carries_new_entries_and_resumes_after_the_last_event_id()
    {
        var article = await LiveArticleAsync();
        var first = await PostAsync(article.Id, "Polls closed.");
        using var reader = app.Reader();
        using (var stream = await OpenStreamAsync(reader, article.Id, after: first.Change))
        {
            var second = await PostAsync(article.Id, "Counting begins.");
            var update = await stream.NextUpdateAsync();
            Assert.Equal(second.Change.ToString(System.Globalization.CultureInfo.InvariantCulture), update.Id);
            Assert.Equal(second.Id, update.Data.GetProperty("entry").GetInt32());
            Assert.Contains("Counting begins.", update.Data.GetProperty("html").GetString());
        }

        // Away for two changes (an edit and a new entry): coming back with Last-Event-ID brings exactly those.
        var edited = await EditAsync(first.Id, "Polls closed at 20:00.");
        var third = await PostAsync(article.Id, "First district declared.");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/live/{article.Id}/stream");
        request.Headers.Add("Last-Event-ID", (third.Change - 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var resumed = await LiveEventStream.OpenAsync(reader, request);
        var a = await resumed.NextUpdateAsync();
        var b = await resumed.NextUpdateAsync();
        Assert.Equal([edited.Id, third.Id], new[] { a.Data.GetProperty("entry").GetInt32(), b.Data.GetProperty("entry").GetInt32() });
        Assert.Contains("20:00", a.Data.GetProperty("html").GetString());
    }

    [Fact]
    public async Task The_stream_says_when_an_entry_is_deleted_or_pinned()
    {
        var article = await LiveArticleAsync();
        var entry = await PostAsync(article.Id, "A rumour.");
        using var reader = app.Reader();
        using var stream = await OpenStreamAsync(reader, article.Id, after: entry.Change);
        await WithDeskAsync(d => d.PinAsync(entry.Id, true, Editor, default));
        var pinned = await stream.NextUpdateAsync();
        Assert.True(pinned.Data.GetProperty("key").GetBoolean());
        await WithDeskAsync(d => d.DeleteAsync(entry.Id, Editor, default));
        var deleted = await stream.NextUpdateAsync();
        Assert.True(deleted.Data.GetProperty("deleted").GetBoolean());
        Assert.Equal(entry.Id, deleted.Data.GetProperty("entry").GetInt32());
    }

    [Fact]
    public async Task Polling_returns_changes_after_the_number_it_is_given()
    {
        var article = await LiveArticleAsync();
        var first = await PostAsync(article.Id, "One.");
        var second = await PostAsync(article.Id, "Two.");
        using var reader = app.Reader();
        var all = await reader.GetFromJsonAsync<JsonElement>($"/api/live/{article.Id}/updates?after=0");
        Assert.Equal(second.Change, all.GetProperty("last").GetInt64());
        Assert.True(all.GetProperty("running").GetBoolean());
        Assert.Equal(2, all.GetProperty("updates").GetArrayLength());
        var later = await reader.GetFromJsonAsync<JsonElement>($"/api/live/{article.Id}/updates?after={first.Change}");
        Assert.Equal(second.Id, Assert.Single(later.GetProperty("updates").EnumerateArray()).GetProperty("entry").GetInt32());
        using var unknown = await reader.GetAsync("/api/live/99999/updates?after=0");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_closed_coverage_reads_as_an_article_and_its_stream_tells_the_browser_to_stop()
    {
        var article = await LiveArticleAsync(LiveState.Closed);
        await PostAsync(article.Id, "It is over.");
        var page = await app.GetPageAsync(PageUrl.Of(app, article));
        Assert.NotNull(page.QuerySelector(".live__ended"));
        Assert.Null(page.QuerySelector(".live__badge"));
        Assert.Null(page.QuerySelector("script[src*='live']"));
        Assert.Single(page.QuerySelectorAll(".live-entry"));
        using var reader = app.Reader();
        using var stream = await reader.GetAsync($"/api/live/{article.Id}/stream");
        Assert.Equal(HttpStatusCode.NoContent, stream.StatusCode);
    }

    [Fact]
    public async Task Two_staff_posting_at_once_each_get_their_own_change_number()
    {
        var article = await LiveArticleAsync();
        var posts = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => PostAsync(article.Id, $"Update {i}.")));
        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i), posts.Select(p => p.Change).Order());
    }

    private static readonly ClaimsPrincipal Editor = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "editor@example.test"), new Claim(ClaimTypes.Role, StaffRoles.Editor)], "test"));

    private async Task<Article> LiveArticleAsync(LiveState state = LiveState.Running)
    {
        var article = await publication.ArticleAsync($"Live {Guid.NewGuid():N}");
        await app.WithDbAsync(async db =>
        {
            await db.Articles.Where(a => a.Id == article.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Live, state));
        });
        article.Live = state;
        return article;
    }

    private Task<LiveEntry> PostAsync(int articleId, string body) =>
        WithDeskAsync(async d => (await d.PostAsync(articleId, Editor, "Helen Marsh", null, body, false, default))!);

    private Task<LiveEntry> EditAsync(int entryId, string body) =>
        WithDeskAsync(async d => (await d.EditAsync(entryId, Editor, null, body, default))!);

    private async Task<T> WithDeskAsync<T>(Func<LiveDesk, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<LiveDesk>());
    }

    private static async Task<FormUrlEncodedContent> FormAsync(HttpClient client, string path, params (string Name, string Value)[] values)
    {
        var page = await client.GetDocumentAsync(path);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value))]);
    }

    private static async Task<LiveEventStream> OpenStreamAsync(HttpClient client, int articleId, long after) =>
        await LiveEventStream.OpenAsync(client, new HttpRequestMessage(HttpMethod.Get, $"/api/live/{articleId}/stream?after={after}"));
}
