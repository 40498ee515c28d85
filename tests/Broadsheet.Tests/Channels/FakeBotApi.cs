using System.Collections.Concurrent;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Broadsheet.Tests.Channels;

/// <summary>
/// A stand-in for api.telegram.org on loopback (the real one is unreachable here). It checks each
/// request as the Bot API documentation describes sendMessage: POST to /bot&lt;token&gt;/sendMessage,
/// a JSON body with chat_id, text (1–4096 characters), parse_mode HTML with only the tags that
/// mode allows, and link_preview_options as an object. Anything else is recorded as a violation
/// and answered 400 as Telegram would. It can be told to answer 429 or 500 first.
/// </summary>
public sealed class FakeBotApi : IAsyncDisposable, IDisposable
{
    private static readonly HashSet<string> TelegramHtmlTags =
        ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "tg-emoji", "code", "pre", "blockquote"];

    private readonly WebApplication server;
    private readonly ConcurrentQueue<(int Status, string Body)> script = new();
    private long nextMessageId = 100;

    public FakeBotApi(string token, string chatId)
    {
        Token = token;
        ChatId = chatId;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        server = builder.Build();
        server.Run(HandleAsync);
        server.StartAsync().GetAwaiter().GetResult();
        BaseUrl = server.Urls.First();
    }

    public string Token { get; }
    public string ChatId { get; }
    public string BaseUrl { get; }

    /// <summary>Points the app's Telegram channel at this fake, retrying quickly so a refusal test does not wait.</summary>
    public void Serve(Broadsheet.Tests.Support.BroadsheetApp app)
    {
        app.Settings["Broadsheet:PublicUrl"] = "https://news.test";
        app.Settings["Broadsheet:Telegram:BotToken"] = Token;
        app.Settings["Broadsheet:Telegram:ChatId"] = ChatId;
        app.Settings["Broadsheet:Telegram:ApiBaseUrl"] = BaseUrl;
        app.Settings["Broadsheet:Telegram:RetryDelayMilliseconds"] = "20";
    }
    public ConcurrentQueue<BotRequest> Requests { get; } = new();
    public ConcurrentQueue<string> Violations { get; } = new();

    public void AnswerNext(int status, string body) => script.Enqueue((status, body));

    public void TooManyRequestsNext(int retryAfterSeconds) => AnswerNext(429,
        JsonSerializer.Serialize(new
        {
            ok = false, error_code = 429, description = $"Too Many Requests: retry after {retryAfterSeconds}",
            parameters = new { retry_after = retryAfterSeconds },
        }));

    public void ServerErrorNext() => AnswerNext(500, """{"ok":false,"error_code":500,"description":"Internal Server Error"}""");

    private async Task HandleAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        var problems = Check(http.Request, body, out var json);
        Requests.Enqueue(new BotRequest(DateTime.UtcNow, http.Request.Method, http.Request.Path, http.Request.ContentType, json));
        if (problems.Count > 0)
        {
            foreach (var p in problems) Violations.Enqueue(p);
            await Reply(http, 400, JsonSerializer.Serialize(new { ok = false, error_code = 400, description = "Bad Request: " + string.Join("; ", problems) }));
            return;
        }
        if (script.TryDequeue(out var scripted))
        {
            await Reply(http, scripted.Status, scripted.Body);
            return;
        }
        var id = Interlocked.Increment(ref nextMessageId);
        var text = json!.Value.GetProperty("text").GetString();
        await Reply(http, 200, JsonSerializer.Serialize(new
        {
            ok = true,
            result = new { message_id = id, date = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), chat = new { id = -1001234567890, type = "channel" }, text },
        }));
    }

    private List<string> Check(HttpRequest request, string body, out JsonElement? json)
    {
        var problems = new List<string>();
        json = null;
        if (request.Method != "POST") problems.Add($"method {request.Method}");
        if (request.Path != $"/bot{Token}/sendMessage") problems.Add($"path {request.Path}");
        if (request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.Ordinal)) problems.Add($"content type {request.ContentType}");
        try { json = JsonDocument.Parse(body).RootElement; }
        catch (JsonException) { problems.Add("body is not JSON"); return problems; }
        var root = json.Value;
        if (!root.TryGetProperty("chat_id", out var chat) || chat.ToString() != ChatId) problems.Add("chat_id");
        if (!root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String || text.GetString()!.Length is 0 or > 4096) problems.Add("text");
        if (!root.TryGetProperty("parse_mode", out var mode) || mode.GetString() != "HTML") problems.Add("parse_mode");
        if (root.TryGetProperty("link_preview_options", out var preview) && preview.ValueKind != JsonValueKind.Object) problems.Add("link_preview_options");
        if (text.ValueKind == JsonValueKind.String)
        {
            var parsed = new HtmlParser().ParseDocument($"<body>{text.GetString()}</body>");
            foreach (var element in parsed.Body!.QuerySelectorAll("*"))
                if (!TelegramHtmlTags.Contains(element.LocalName)) problems.Add($"unsupported tag <{element.LocalName}>");
        }
        return problems;
    }

    private static async Task Reply(HttpContext http, int status, string body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await server.StopAsync(bounded.Token);
        await server.DisposeAsync();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}

public sealed record BotRequest(DateTime At, string Method, string Path, string? ContentType, JsonElement? Json)
{
    public string Text => Json!.Value.GetProperty("text").GetString()!;
}
