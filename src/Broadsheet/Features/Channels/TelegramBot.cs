using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Broadsheet.Features.Channels;

/// <summary>
/// The one Bot API method the publication needs, sendMessage, with Telegram's retry rules:
/// a 429 carries parameters.retry_after (seconds to wait), a 5xx or a dropped connection is
/// retried with doubling back-off, any other error is final.
/// </summary>
public sealed class TelegramBot(HttpClient http, TelegramOptions options, TimeProvider clock, ILogger<TelegramBot> log)
{
    public async Task<TelegramSent> SendMessageAsync(string html, string linkUrl, CancellationToken ct)
    {
        var url = $"{options.ApiBaseUrl.TrimEnd('/')}/bot{options.BotToken}/sendMessage";
        var request = new SendMessage(options.ChatId!, html, "HTML", new LinkPreviewOptions(false, linkUrl));
        var delay = TimeSpan.FromMilliseconds(Math.Max(1, options.RetryDelayMilliseconds));
        string error = "";
        for (var attempt = 1; attempt <= Math.Max(1, options.MaxAttempts); attempt++)
        {
            TimeSpan? wait;
            try
            {
                using var response = await http.PostAsJsonAsync(url, request, ct);
                var answer = await ReadAsync(response, ct);
                if (response.IsSuccessStatusCode && answer?.Ok == true && answer.Result is { } message)
                    return new TelegramSent(message.MessageId, attempt);
                error = $"{(int)response.StatusCode} {answer?.Description}";
                wait = response.StatusCode switch
                {
                    HttpStatusCode.TooManyRequests => TimeSpan.FromSeconds(answer?.Parameters?.RetryAfter ?? 1),
                    >= HttpStatusCode.InternalServerError => delay,
                    _ => null,
                };
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
            {
                error = e.Message;
                wait = delay;
            }
            if (wait is null || wait > TimeSpan.FromSeconds(options.MaxRetryAfterSeconds)) break;
            log.LogInformation("Telegram answered {Error}; trying again in {Wait}", error, wait);
            await Task.Delay(wait.Value, clock, ct);
            delay *= 2;
        }
        throw new TelegramRefusedException(error);
    }

    private static async Task<BotAnswer?> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try { return await response.Content.ReadFromJsonAsync<BotAnswer>(ct); }
        catch (JsonException) { return null; }
        catch (NotSupportedException) { return null; }
    }

    private sealed record SendMessage(
        [property: JsonPropertyName("chat_id")] string ChatId,
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("parse_mode")] string ParseMode,
        [property: JsonPropertyName("link_preview_options")] LinkPreviewOptions LinkPreviewOptions);

    private sealed record LinkPreviewOptions(
        [property: JsonPropertyName("is_disabled")] bool IsDisabled,
        [property: JsonPropertyName("url")] string Url);

    private sealed record BotAnswer(
        [property: JsonPropertyName("ok")] bool Ok,
        [property: JsonPropertyName("description")] string? Description,
        [property: JsonPropertyName("result")] BotMessage? Result,
        [property: JsonPropertyName("parameters")] BotParameters? Parameters);

    private sealed record BotMessage([property: JsonPropertyName("message_id")] long MessageId);

    private sealed record BotParameters([property: JsonPropertyName("retry_after")] int? RetryAfter);
}

public sealed record TelegramSent(long MessageId, int Attempts);

public sealed class TelegramRefusedException(string message) : Exception(message);
