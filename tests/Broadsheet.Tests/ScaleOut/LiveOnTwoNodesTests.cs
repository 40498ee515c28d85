using System.Security.Claims;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Live;
using Broadsheet.Tests.Live;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.ScaleOut;

/// <summary>Two nodes over one PostgreSQL database and one Redis: an entry posted through one reaches a reader streaming from the other.</summary>
public sealed class LiveOnTwoNodesTests : IDisposable
{
    private const string Redis = "127.0.0.1:56379,defaultDatabase=12";
    private readonly BroadsheetApp nodeA = new();
    private readonly Node nodeB;

    public LiveOnTwoNodesTests()
    {
        nodeA.Settings["Broadsheet:Redis"] = Redis;
        nodeB = new Node(nodeA.Database);
        nodeB.Settings["Broadsheet:Redis"] = Redis;
    }

    public void Dispose()
    {
        nodeA.Database.KeptByAnotherApp = true;
        nodeB.Dispose();
        nodeA.Dispose();
    }

    [PostgresFact]
    public async Task An_entry_posted_on_one_node_reaches_a_reader_of_the_other()
    {
        var article = await new TestPublication(nodeA).ArticleAsync("Count night");
        await nodeA.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Live, LiveState.Running)));
        using var reader = nodeB.Reader();
        using var stream = await LiveEventStream.OpenAsync(reader, new HttpRequestMessage(HttpMethod.Get, $"/api/live/{article.Id}/stream?after=0"));

        await using var scope = nodeA.Services.CreateAsyncScope();
        var by = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "editor@example.test"), new Claim(ClaimTypes.Role, StaffRoles.Editor)], "test"));
        var entry = await scope.ServiceProvider.GetRequiredService<LiveDesk>().PostAsync(article.Id, by, "Helen Marsh", null, "Declared on node A.", false, default);

        var update = await stream.NextUpdateAsync();
        Assert.Equal(entry!.Id, update.Data.GetProperty("entry").GetInt32());
        Assert.Contains("Declared on node A.", update.Data.GetProperty("html").GetString());
    }

    private sealed class Node(TestDatabase database) : BroadsheetApp(database);
}
