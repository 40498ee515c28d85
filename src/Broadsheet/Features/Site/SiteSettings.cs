namespace Broadsheet.Features.Site;

/// <summary>The publication's own settings, one row, edited in the newsroom.</summary>
public sealed class SiteSettings
{
    public int Id { get; set; } = 1;
    public string PublicationName { get; set; } = "Broadsheet";
    public string Tagline { get; set; } = "";

    /// <summary>"en" or "ru": the interface language and the culture dates are written in.</summary>
    public string Language { get; set; } = "en";

    /// <summary>An IANA zone such as Europe/Moscow; every time a reader sees is in it.</summary>
    public string TimeZoneId { get; set; } = "Europe/Moscow";

    /// <summary>Printed after each time, e.g. "Moscow time" or «мск».</summary>
    public string TimeZoneLabel { get; set; } = "Moscow time";

    /// <summary>
    /// The public address the first administrator entered at setup (or later under Settings), for a
    /// site whose configuration does not set Broadsheet:PublicUrl. Read through <see cref="PublicOrigin"/>.
    /// </summary>
    public string? PublicUrl { get; set; }

    public string CommentRules { get; set; } = "";
    public string CommentNotice { get; set; } = "";

    /// <summary>Administrators and editors must have a passkey or two-step sign-in before the newsroom lets them work.</summary>
    public bool StrongSignInForEditors { get; set; }

    /// <summary>
    /// An article shows its view count only from this many views on: "Views: 3" under a fresh story tells
    /// a reader nothing but that nobody has read it yet.
    /// </summary>
    public int ViewsShownFrom { get; set; } = 100;

    /// <summary>Never "Views: 0", whatever the threshold.</summary>
    public bool ShowsViews(long views) => views > 0 && views >= ViewsShownFrom;

    public List<Channel> Channels { get; set; } = [];
}

/// <summary>Somewhere else readers can follow the publication: Telegram, VK, YouTube, Zen, RSS.</summary>
public sealed class Channel
{
    public int Id { get; set; }
    public int SiteSettingsId { get; set; } = 1;
    public required string Name { get; set; }
    public required string Url { get; set; }
    public int Position { get; set; }

    /// <summary>When set, only articles the newsroom marked for this channel go to it; otherwise every published article does.</summary>
    public bool ChosenArticlesOnly { get; set; }
}
