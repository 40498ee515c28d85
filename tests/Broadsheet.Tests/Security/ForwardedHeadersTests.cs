using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Broadsheet.Tests.Support;
using Broadsheet.Tests.ViewCounting;

namespace Broadsheet.Tests.Security;

/// <summary>
/// X-Forwarded-* are believed from the proxies named in Broadsheet:TrustedProxies and from nobody
/// else — not even from loopback, where every request comes from behind nginx on the same machine.
/// A client that could choose its own address would get past every per-address limit.
/// </summary>
public sealed class ForwardedHeadersTests : IDisposable
{
    private static readonly IPAddress Loopback = IPAddress.Loopback;
    private static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.2");
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public ForwardedHeadersTests()
    {
        app.Settings["Broadsheet:TypoReports:PerMinute"] = "2";
        publication = new TestPublication(app);
    }

    public void Dispose() => app.Dispose();

    private static string Report(int articleId) =>
        JsonSerializer.Serialize(new { articleId, fragment = "budjet", before = "", after = "", suggestion = "budget", comment = "" });

    private async Task<List<int>> ReportFromEachOfAsync(IPAddress peer, int articleId, IEnumerable<string> forwardedFor)
    {
        var statuses = new List<int>();
        foreach (var address in forwardedFor)
            statuses.Add((await FromPeer.SendAsync(app, peer, "POST", "/api/typo-reports", Report(articleId), ("X-Forwarded-For", address))).Status);
        return statuses;
    }

    private static IEnumerable<string> Rotating(int count) => Enumerable.Range(1, count).Select(i => $"203.0.113.{i}");

    [Fact]
    public async Task Rotating_forwarded_for_from_loopback_does_not_get_past_the_typo_report_limit()
    {
        var article = await publication.ArticleAsync("Council approves the budget", body: "The budjet passed.");

        var statuses = await ReportFromEachOfAsync(Loopback, article.Id, Rotating(8));

        Assert.Equal([202, 202, 429, 429, 429, 429, 429, 429], statuses);
    }

    [Fact]
    public async Task Rotating_forwarded_for_from_an_outside_client_does_not_get_past_the_typo_report_limit_either()
    {
        var article = await publication.ArticleAsync("Council approves the budget", body: "The budjet passed.");

        var statuses = await ReportFromEachOfAsync(IPAddress.Parse("198.51.100.9"), article.Id, Rotating(8));

        Assert.Equal(2, statuses.Count(s => s == 202));
    }

    [Fact]
    public async Task Rotating_forwarded_for_from_an_untrusted_client_does_not_count_more_views()
    {
        var article = await publication.ArticleAsync("Council approves the budget");

        foreach (var address in Rotating(5))
            await FromPeer.SendAsync(app, Loopback, "POST", $"/api/views/{article.Id}", null, ("X-Forwarded-For", address), ("User-Agent", Beacon.Browser));

        Assert.Equal(1, await Beacon.CountedAsync(app, article));
    }

    [Fact]
    public async Task Forwarded_host_and_proto_from_an_untrusted_client_change_neither_canonical_links_nor_feeds()
    {
        var article = await publication.ArticleAsync("Council approves the budget");
        (string, string)[] forged = [("Host", "news.test"), ("X-Forwarded-Host", "evil.example"), ("X-Forwarded-Proto", "https")];

        var page = await FromPeer.SendAsync(app, Loopback, "GET", "/", null, forged);
        var canonical = new HtmlParser().ParseDocument(page.Body).QuerySelector("link[rel=canonical]")!.GetAttribute("href");
        var feed = await FromPeer.SendAsync(app, Loopback, "GET", "/feed", null, forged);
        var sitemap = await FromPeer.SendAsync(app, Loopback, "GET", "/robots.txt", null, forged);

        Assert.Equal("http://localhost/", canonical);
        Assert.Contains("<link>http://localhost/</link>", feed.Body, StringComparison.Ordinal);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", sitemap.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", page.Body + feed.Body + sitemap.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("news.test", page.Body + feed.Body + sitemap.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", canonical, StringComparison.Ordinal);
        // Nor is the connection taken for TLS: no HSTS over what is plain HTTP (HSTS skips localhost, hence Host: news.test).
        Assert.False(page.Headers.ContainsKey("Strict-Transport-Security"));
        _ = article;
    }

    [Fact]
    public async Task A_trusted_proxy_s_forwarded_for_gives_each_reader_a_limit_of_their_own()
    {
        app.Settings["Broadsheet:TrustedProxies:0"] = "10.0.0.0/24";
        var article = await publication.ArticleAsync("Council approves the budget", body: "The budjet passed.");

        var distinct = await ReportFromEachOfAsync(Proxy, article.Id, Rotating(8));
        var oneReader = await ReportFromEachOfAsync(Proxy, article.Id, Enumerable.Repeat("198.51.100.7", 3));

        Assert.All(distinct, s => Assert.Equal(202, s));
        Assert.Equal([202, 202, 429], oneReader);
    }

    [Fact]
    public async Task A_trusted_proxy_s_forwarded_for_counts_each_reader_s_view()
    {
        app.Settings["Broadsheet:TrustedProxies:0"] = "10.0.0.2";
        var article = await publication.ArticleAsync("Council approves the budget");

        foreach (var address in Rotating(3))
            await FromPeer.SendAsync(app, Proxy, "POST", $"/api/views/{article.Id}", null, ("X-Forwarded-For", address), ("User-Agent", Beacon.Browser));

        Assert.Equal(3, await Beacon.CountedAsync(app, article));
    }

    [Fact]
    public async Task What_a_client_wrote_before_the_trusted_proxy_s_entry_is_not_believed()
    {
        app.Settings["Broadsheet:TrustedProxies:0"] = "10.0.0.2";
        var article = await publication.ArticleAsync("Council approves the budget", body: "The budjet passed.");

        // nginx's $proxy_add_x_forwarded_for keeps what the client sent and appends the address it saw.
        var statuses = await ReportFromEachOfAsync(Proxy, article.Id, Rotating(4).Select(forged => $"{forged}, 198.51.100.7"));

        Assert.Equal([202, 202, 429, 429], statuses);
    }

    [Fact]
    public async Task A_trusted_proxy_s_forwarded_proto_marks_the_request_secure_but_its_forwarded_host_changes_no_link()
    {
        app.Settings["Broadsheet:TrustedProxies:0"] = "10.0.0.2";
        await publication.ArticleAsync("Council approves the budget");

        // HSTS is never sent to localhost, so the request names a host of its own.
        (string, string)[] headers = [("Host", "news.test"), ("X-Forwarded-For", "198.51.100.7"), ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "evil.example")];
        var page = await FromPeer.SendAsync(app, Proxy, "GET", "/", null, headers);

        Assert.True(page.Headers.ContainsKey("Strict-Transport-Security"));
        Assert.DoesNotContain("evil.example", page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_old_name_KnownProxies_is_still_read()
    {
        app.Settings["Broadsheet:KnownProxies:0"] = "10.0.0.2";
        var article = await publication.ArticleAsync("Council approves the budget", body: "The budjet passed.");

        var statuses = await ReportFromEachOfAsync(Proxy, article.Id, Rotating(3));

        Assert.All(statuses, s => Assert.Equal(202, s));
    }

    [Fact]
    public void A_mistyped_trusted_proxy_stops_the_start()
    {
        app.Settings["Broadsheet:TrustedProxies:0"] = "10.0.0.300";

        var failure = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("10.0.0.300", failure.ToString(), StringComparison.Ordinal);
    }
}
