namespace Broadsheet.Features.Live;

/// <summary>Broadsheet:Live.</summary>
public sealed class LiveOptions
{
    public const string Section = "Broadsheet:Live";

    /// <summary>
    /// How long one stream stays open before the server ends it and the browser resumes with Last-Event-ID.
    /// Bounded so a node's connections turn over (a drained or restarted node loses its readers to the others).
    /// </summary>
    public TimeSpan StreamLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A comment-free "ping" event this often keeps proxies from closing a quiet stream.</summary>
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>How long a browser waits before resuming an ended stream (the SSE retry field).</summary>
    public TimeSpan Retry { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How often the page asks the JSON endpoint instead, where the stream cannot be used.</summary>
    public TimeSpan PollEvery { get; set; } = TimeSpan.FromSeconds(20);
}
