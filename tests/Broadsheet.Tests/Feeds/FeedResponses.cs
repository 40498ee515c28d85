using System.Net;
using System.Xml.Linq;
using Broadsheet.Infrastructure.Caching;
using Broadsheet.Tests.Support;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Feeds;

public static class FeedResponses
{
    public const string Origin = "http://localhost";

    /// <summary>GETs an XML document, checks its media type and UTF-8 charset, and parses it (which fails on malformed XML).</summary>
    public static async Task<XDocument> GetXmlAsync(this BroadsheetApp app, string path, string mediaType)
    {
        using var response = await app.Reader().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        await using var body = await response.Content.ReadAsStreamAsync();
        return await XDocument.LoadAsync(body, LoadOptions.None, default);
    }

    /// <summary>
    /// The feed policy caches for five minutes of real time, which the test clock does not move;
    /// the newsroom evicts the same tag when it publishes.
    /// </summary>
    public static Task EvictFeedsAsync(this BroadsheetApp app) =>
        app.Services.GetRequiredService<CacheEviction>().EvictAsync(default, PageCache.ListingsTag);

    public static string PathOf(string absolute)
    {
        Assert.StartsWith(Origin + "/", absolute);
        return new Uri(absolute).AbsolutePath;
    }
}
