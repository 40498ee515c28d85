namespace Broadsheet.Features.TypoReports;

/// <summary>The "Broadsheet:TypoReports" configuration section.</summary>
public sealed class TypoReportOptions
{
    public const string Section = "Broadsheet:TypoReports";

    /// <summary>Reports one address may send in a minute; a reader proofreading a long piece sends a few.</summary>
    public int PerMinute { get; set; } = 5;

    /// <summary>Reports one address may send in an hour, so a patient script cannot fill the inbox either.</summary>
    public int PerHour { get; set; } = 30;

    /// <summary>The newsroom's e-mail digest of new reports goes out at most this often, so a busy morning is one mail, not fifty.</summary>
    public int DigestMinutes { get; set; } = 30;

    /// <summary>How often the digest looks whether one is due and anything is new; a minute is fine against a half-hour digest.</summary>
    public int DigestCheckSeconds { get; set; } = 60;
}
