using System.Security.Claims;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Live;
using Broadsheet.Tests.Live;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.ScaleOut;

/// <summary>
/// Two sites on one Redis server. Pub/sub channels ignore the database number, so without a prefix of its own each
/// site would hear the other's live entries: one site's article 1 would show the other's updates to its readers.
/// </summary>
public sealed class TwoSitesOnOneRedisTests : IDisposable
{
    private readonly BroadsheetApp siteA = new(), siteB = new();

    public void Dispose()
    {
        siteA.Dispose();
        siteB.Dispose();
    }

    [PostgresFact]
    public Task Sites_in_different_Redis_databases_do_not_hear_each_other_by_default()
    {
        siteA.Settings["Broadsheet:Redis"] = "127.0.0.1:56379,defaultDatabase=10";
        siteB.Settings["Broadsheet:Redis"] = "127.0.0.1:56379,defaultDatabase=11";
        return EachHearsOnlyItsOwnAsync();
    }

    [PostgresFact]
    public Task Sites_given_different_channel_prefixes_do_not_hear_each_other()
    {
        foreach (var (site, prefix) in new[] { (siteA, "gazette:"), (siteB, "herald:") })
        {
            site.Settings["Broadsheet:Redis"] = "127.0.0.1:56379,defaultDatabase=10";
            site.Settings["Broadsheet:RedisChannelPrefix"] = prefix;
        }
        return EachHearsOnlyItsOwnAsync();
    }

    private async Task EachHearsOnlyItsOwnAsync()
    {
        var articleA = await LiveArticleAsync(siteA, "Count night in Northport");
        var articleB = await LiveArticleAsync(siteB, "Count night in Southmere");
        // The same article number on both sites, so an update that crossed over would land on a live page.
        Assert.Equal(articleA, articleB);
        using var readerA = siteA.Reader();
        using var readerB = siteB.Reader();
        using var streamA = await LiveEventStream.OpenAsync(readerA, new HttpRequestMessage(HttpMethod.Get, $"/api/live/{articleA}/stream?after=0"));
        using var streamB = await LiveEventStream.OpenAsync(readerB, new HttpRequestMessage(HttpMethod.Get, $"/api/live/{articleB}/stream?after=0"));

        // Site A's post is published to Redis before PostAsync returns, so it is on its way to every subscriber of
        // its channel before site B posts; a site B reader that heard it would get it first.
        await PostAsync(siteA, articleA, "Northport declares for the Greens.");
        await PostAsync(siteB, articleB, "Southmere declares for Labour.");

        Assert.Contains("Northport declares", (await streamA.NextUpdateAsync()).Data.GetProperty("html").GetString());
        var heardOnB = (await streamB.NextUpdateAsync()).Data.GetProperty("html").GetString();
        Assert.Contains("Southmere declares", heardOnB);
        Assert.DoesNotContain("Northport", heardOnB);
    }

    private static async Task<int> LiveArticleAsync(BroadsheetApp site, string title)
    {
        var article = await new TestPublication(site).ArticleAsync(title);
        await site.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Live, LiveState.Running)));
        return article.Id;
    }

    private static async Task PostAsync(BroadsheetApp site, int articleId, string text)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var by = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "editor@example.test"), new Claim(ClaimTypes.Role, StaffRoles.Editor)], "test"));
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<LiveDesk>().PostAsync(articleId, by, "Helen Marsh", null, text, false, default));
    }
}
