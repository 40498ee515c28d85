using System.Net;
using System.Text.Json;

namespace Broadsheet.Tests.Live;

/// <summary>A server-sent event stream read line by line, as a browser's EventSource would.</summary>
internal sealed class LiveEventStream : IDisposable
{
    private readonly HttpResponseMessage response;
    private readonly StreamReader reader;

    private LiveEventStream(HttpResponseMessage response, System.IO.Stream body) => (this.response, reader) = (response, new StreamReader(body));

    public static async Task<LiveEventStream> OpenAsync(HttpClient client, HttpRequestMessage request)
    {
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new LiveEventStream(response, await response.Content.ReadAsStreamAsync());
    }

    public async Task<(string? Id, JsonElement Data)> NextUpdateAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        string? type = null, id = null, data = null;
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Length == 0)
            {
                if (type == "update" && data is not null) return (id, JsonDocument.Parse(data).RootElement.Clone());
                (type, id, data) = (null, null, null);
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal)) type = line[7..];
            else if (line.StartsWith("id: ", StringComparison.Ordinal)) id = line[4..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal)) data = line[6..];
        }
        throw new Xunit.Sdk.XunitException("The stream ended before an update came");
    }

    public void Dispose()
    {
        reader.Dispose();
        response.Dispose();
    }
}
