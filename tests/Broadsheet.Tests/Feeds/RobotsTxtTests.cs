using System.Net;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Feeds;

public sealed class RobotsTxtTests : IDisposable
{
    private readonly BroadsheetApp app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Lets_crawlers_read_the_site_but_not_the_newsroom_or_api_and_names_the_sitemaps()
    {
        using var response = await app.Reader().GetAsync("/robots.txt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var rules = (await response.Content.ReadAsStringAsync())
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(':', 2, StringSplitOptions.TrimEntries))
            .Select(pair => (Field: pair[0], Value: pair[1]))
            .ToList();
        Assert.Equal(("User-agent", "*"), rules[0]);
        Assert.Contains(("Disallow", "/newsroom"), rules);
        Assert.Contains(("Disallow", "/api"), rules);
        Assert.Contains(("Allow", "/"), rules);
        Assert.DoesNotContain(rules, r => r is { Field: "Disallow", Value: "/" or "" });
        var sitemaps = rules.Where(r => r.Field == "Sitemap").Select(r => r.Value).ToList();
        Assert.Equal(["http://localhost/sitemap.xml", "http://localhost/sitemap-news.xml"], sitemaps);
        foreach (var sitemap in sitemaps)
            Assert.Equal(HttpStatusCode.OK, (await app.Reader().GetAsync(new Uri(sitemap).AbsolutePath)).StatusCode);
    }

    [Theory]
    [InlineData("/robots.txt")]
    [InlineData("/feed")]
    [InlineData("/sitemap.xml")]
    public async Task Answers_head_requests_as_crawlers_send_them(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, path);
        using var response = await app.Reader().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
