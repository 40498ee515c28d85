namespace Broadsheet.Features.TypoReports;

/// <summary>
/// What readers said is wrong in an article: a fragment as they saw it, with the text around it
/// so that the same words elsewhere in the article are not mistaken for it. Identical reports are
/// one report with a count. A typo report is not a correction: it changes nothing until an editor acts.
/// </summary>
public sealed class TypoReport
{
    public const int FragmentMax = 256;
    public const int ContextMax = 80;
    public const int SuggestionMax = 256;
    public const int CommentMax = 500;

    public int Id { get; set; }
    public int ArticleId { get; set; }
    public required string Fragment { get; set; }
    public string Before { get; set; } = "";
    public string After { get; set; } = "";
    public string Suggestion { get; set; } = "";
    public string Comment { get; set; } = "";

    /// <summary>How many readers sent this same report.</summary>
    public int Count { get; set; } = 1;
    public TypoReportStatus Status { get; set; } = TypoReportStatus.Open;

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>UTC; the inbox sorts by it, so a report readers keep sending rises to the top.</summary>
    public DateTime LastReportedAt { get; set; }

    /// <summary>UTC; when an editor fixed or dismissed it, for the newsroom's "how fast" figure.</summary>
    public DateTime? ResolvedAt { get; set; }

    /// <summary>UTC; when the e-mail digest told the newsroom about it, so each report is mailed once.</summary>
    public DateTime? DigestedAt { get; set; }

    /// <summary>Folding a new report into this one: one more reader, and their comment if the first reader left none.</summary>
    public void ReportedAgain(string comment, DateTime utcNow)
    {
        Count++;
        LastReportedAt = utcNow;
        if (Comment.Length == 0) Comment = comment;
    }
}

/// <summary>
/// Open: waiting for an editor. Fixed: the suggestion (or the editor's own fix) went into the article.
/// Dismissed: an editor decided nothing is wrong. Outdated: the fragment is no longer in the text,
/// because the article changed after the report; nobody decided anything about it.
/// </summary>
public enum TypoReportStatus { Open, Fixed, Dismissed, Outdated }
