namespace Broadsheet.Features.Newsletter;

/// <summary>The "Broadsheet:Newsletter" configuration section.</summary>
public sealed class NewsletterOptions
{
    /// <summary>Local time (the site's zone) at which the daily digest goes out.</summary>
    public TimeOnly DailyAt { get; set; } = new(7, 0);

    /// <summary>The weekly digest goes out on this day at <see cref="DailyAt"/>.</summary>
    public DayOfWeek WeeklyOn { get; set; } = DayOfWeek.Monday;

    /// <summary>How long a sign-up waits for its confirmation before it is forgotten.</summary>
    public int PendingHours { get; set; } = 48;

    /// <summary>One address gets at most one confirmation mail in this many minutes, however often it is signed up.</summary>
    public int MailIntervalMinutes { get; set; } = 15;

    /// <summary>Sign-up attempts one address may make per hour, and one client (IP) per ten minutes, before 429.</summary>
    public int SignUpsPerAddressPerHour { get; set; } = 5;
    public int SignUpsPerClientPer10Minutes { get; set; } = 20;

    /// <summary>
    /// Deliveries claimed together and recorded together: two commits a batch. Also the most messages a crash can
    /// send twice (those accepted since the last commit). A pass keeps one SMTP connection across its batches.
    /// </summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a claimed batch stays this process's; after a crash its unrecorded messages go again once this has passed.</summary>
    public int SendLeaseSeconds { get; set; } = 300;

    /// <summary>Tries per message before it is marked failed; the wait doubles from <see cref="RetryAfterSeconds"/>.</summary>
    public int MaxAttempts { get; set; } = 5;
    public int RetryAfterSeconds { get; set; } = 60;

    /// <summary>How often pending deliveries are sent (editions are planned at their hour, <see cref="DigestHour"/>); 0 turns both newsletter jobs off (tests drive them by hand).</summary>
    public int SchedulerSeconds { get; set; } = 30;
}
