using System.Net;
using System.Net.Http.Json;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Site;

public sealed class HealthTests : IDisposable
{
    private readonly BroadsheetApp app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Liveness_and_readiness_answer_when_the_database_does()
    {
        var client = app.Reader();
        Assert.Equal("ok", await client.GetStringAsync("/healthz"));
        var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ok", (await ready.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["database"]);
    }
}
