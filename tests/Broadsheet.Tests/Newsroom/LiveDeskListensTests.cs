using System.Net.Http.Json;
using System.Text.Json;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Newsroom;

/// <summary>
/// The live desk listens for colleagues: a running coverage's desk tells its script where the stream is and from which
/// change on, and what it listens to carries a colleague's post. (The swap itself is shown in the browser test.)
/// </summary>
public sealed class LiveDeskListensTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public LiveDeskListensTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task The_desk_listens_after_its_own_change_and_hears_a_colleagues_post()
    {
        var article = await publication.ArticleAsync("Count night");
        await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Live, LiveState.Running)));
        var desk = $"/newsroom/articles/{article.Id}/live";
        var me = await app.SignedInAsync(StaffRoles.Author);
        var colleague = await app.SignedInAsync(StaffRoles.Editor);
        (await me.SubmitAsync(desk, "Post", ("Body", "Polls have closed."))).Dispose();
        (await me.SubmitAsync(desk, "Post", ("Body", "Counting has begun."))).Dispose();

        var page = await me.GetDocumentAsync(desk);
        var heard = page.QuerySelector("[data-desk-heard]")!;
        Assert.Equal("2", heard.GetAttribute("data-change"));
        Assert.Equal($"/api/live/{article.Id}/stream", heard.GetAttribute("data-stream"));
        Assert.Equal("status", heard.GetAttribute("role"));
        Assert.NotNull(page.QuerySelector("script[src^='/js/newsroom-live.js']"));
        Assert.NotNull(page.QuerySelector("[data-desk-entries]"));

        (await colleague.SubmitAsync(desk, "Post", ("Body", "The first district declares."))).Dispose();
        using var poll = await me.GetAsync($"{heard.GetAttribute("data-poll")}?after={heard.GetAttribute("data-change")}");
        var answer = await poll.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, answer.GetProperty("last").GetInt64());
        // What the desk then fetches is itself, with the colleague's entry in the list.
        var fresh = await me.GetDocumentAsync(desk);
        Assert.Contains("The first district declares.", fresh.QuerySelector("[data-desk-entries] > li")!.TextContent);
        Assert.Equal("3", fresh.QuerySelector("[data-desk-heard]")!.GetAttribute("data-change"));
    }

    [Fact]
    public async Task A_closed_coverage_desk_does_not_listen()
    {
        var article = await publication.ArticleAsync("Storm night");
        await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Live, LiveState.Closed)));
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        var page = await editor.GetDocumentAsync($"/newsroom/articles/{article.Id}/live");
        Assert.Null(page.QuerySelector("[data-desk-heard]"));
        // Without the script's listening, the reload link stays the way to see colleagues' updates.
        Assert.NotNull(page.QuerySelector("[data-desk-reload]"));
    }
}
