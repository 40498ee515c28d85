namespace Broadsheet.Features.Channels;

/// <summary>The "Broadsheet:Telegram" configuration section; posting is off until BotToken and ChatId are set.</summary>
public sealed class TelegramOptions
{
    public string? BotToken { get; set; }

    /// <summary>A channel's @username or its numeric id (e.g. -1001234567890).</summary>
    public string? ChatId { get; set; }

    /// <summary>Configurable so that a local Bot API server, or a test's fake, can stand in.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    public int MaxAttempts { get; set; } = 5;

    /// <summary>The first wait after a 5xx or a lost connection; it doubles each time.</summary>
    public int RetryDelayMilliseconds { get; set; } = 1000;

    /// <summary>A longer retry_after than this is not waited out inside one publish; the post is marked failed instead.</summary>
    public int MaxRetryAfterSeconds { get; set; } = 60;

    public bool IsConfigured => BotToken is { Length: > 0 } && ChatId is { Length: > 0 };
}
