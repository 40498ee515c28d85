using System.Net.Http.Json;
using System.Text.Json;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.TypoReports;

/// <summary>Posts a report as typo.js does, and reads the answer.</summary>
public static class TypoReportPost
{
    public static async Task<(HttpResponseMessage Response, JsonElement Answer)> SendAsync(
        BroadsheetApp app, object report, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/typo-reports") { Content = JsonContent.Create(report) };
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        var response = await app.Reader().SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (response, body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone());
    }

    public static object Report(int articleId, string fragment, string before = "", string after = "",
        string? suggestion = null, string comment = "") =>
        new { articleId, fragment, before, after, suggestion = suggestion ?? fragment, comment };
}
