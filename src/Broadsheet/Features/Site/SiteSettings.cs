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

    // The imprint in the footer. A Russian outlet registered as a mass medium must print it (the Mass
    // Media Act, art. 27, and the age mark of the child-protection law); elsewhere it is what a reader
    // looks for to know who answers for the paper. A line left empty is not shown.
    public string? Publisher { get; set; }
    public string? EditorInChief { get; set; }

    /// <summary>The mass-media registration, e.g. «Эл № ФС77-12345 от 01.02.2020, выдано Роскомнадзором».</summary>
    public string? RegistrationNumber { get; set; }

    /// <summary>"16+", "18+"…</summary>
    public string? AgeRating { get; set; }
    public string? EditorialAddress { get; set; }

    /// <summary>The masthead's logo, an uploaded picture under /media; the publication's name in type when empty.</summary>
    public string? LogoPath { get; set; }

    /// <summary>A square picture under /media: the touch icon, the web manifest's icons.</summary>
    public string? IconPath { get; set; }
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
