using System.Net;
using Broadsheet.Infrastructure.Caching;
using Broadsheet.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Broadsheet.Tests.ScaleOut;

/// <summary>
/// With Broadsheet:PagesInRedis, cached pages live in Redis, one copy for every node. The two
/// nodes here deliberately have separate databases: node B can only show node A's article by
/// serving A's cached page, and once the page is evicted B answers from its own data again.
/// </summary>
public sealed class SharedPageCacheTests : IDisposable
{
    private const string Redis = "127.0.0.1:56379,defaultDatabase=6,allowAdmin=true";
    private readonly BroadsheetApp nodeA = new(), nodeB = new();

    public SharedPageCacheTests()
    {
        foreach (var node in new[] { nodeA, nodeB })
        {
            node.Settings["Broadsheet:Redis"] = Redis;
            node.Settings["Broadsheet:PagesInRedis"] = "true";
        }
    }

    public void Dispose()
    {
        nodeA.Dispose();
        nodeB.Dispose();
    }

    [PostgresFact]
    public async Task A_page_cached_by_one_node_is_served_by_the_other_until_evicted()
    {
        using (var redis = await ConnectionMultiplexer.ConnectAsync(Redis))
            await redis.GetServer(redis.GetEndPoints()[0]).FlushDatabaseAsync(6);
        _ = nodeB.Server;
        var article = await new TestPublication(nodeA).ArticleAsync("Night of the count");
        var url = PageUrl.Of(nodeA, article);

        Assert.Equal("Night of the count", (await nodeA.GetPageAsync(url)).QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Night of the count", (await nodeB.GetPageAsync(url)).QuerySelector("h1")!.TextContent.Trim());

        await nodeA.Services.GetRequiredService<CacheEviction>().EvictAsync(default, PageCache.ArticleTag(article.Id));
        using var response = await nodeB.Reader().GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
