using System.Net;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Site;

/// <summary>
/// Meters are found by name process-wide, so other test apps' pages would count here too:
/// these tests run alone.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class MetricsTests : IDisposable
{
    private readonly BroadsheetApp app = new();

    public MetricsTests() => app.Settings["Broadsheet:Telemetry:Prometheus"] = "true";

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Prometheus_endpoint_reports_page_cache_hits_and_misses_and_request_latency()
    {
        var article = await new TestPublication(app).ArticleAsync("Measured");
        var reader = app.Reader();
        var url = PageUrl.Of(app, article);
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(url)).StatusCode);

        // The exporter refreshes what it serves at most every few seconds.
        string text = "";
        for (var tries = 0; tries < 40 && !text.Contains("cache=\"hit\"", StringComparison.Ordinal); tries++)
        {
            await Task.Delay(250);
            text = await reader.GetStringAsync("/metrics");
        }
        var pages = text.Split('\n').Where(l => l.StartsWith("broadsheet_pages_total", StringComparison.Ordinal)).ToList();
        Assert.Contains(pages, l => l.Contains("cache=\"miss\"", StringComparison.Ordinal) && l.TrimEnd().EndsWith(" 1", StringComparison.Ordinal));
        Assert.Contains(pages, l => l.Contains("cache=\"hit\"", StringComparison.Ordinal) && l.TrimEnd().EndsWith(" 2", StringComparison.Ordinal));
        Assert.Contains("http_server_request_duration_seconds", text);
    }

    [Fact]
    public async Task Metrics_are_not_exposed_unless_configured()
    {
        using var plain = new BroadsheetApp();
        Assert.Equal(HttpStatusCode.NotFound, (await plain.Reader().GetAsync("/metrics")).StatusCode);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metrics, alone";
}
