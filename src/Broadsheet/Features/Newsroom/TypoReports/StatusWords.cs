using Broadsheet.Features.Articles;
using Broadsheet.Features.TypoReports;

namespace Broadsheet.Features.Newsroom.TypoReports;

/// <summary>
/// The typo desk's names for states, as keys of <c>TypoReports.ru.tsv</c>. In brackets, as the inbox prints them,
/// so they never meet another screen's "draft" with a different Russian (NewsroomWords refuses two translations).
/// </summary>
public static class StatusWords
{
    public static string Of(ArticleStatus status) => status switch
    {
        ArticleStatus.Draft => "(draft)",
        ArticleStatus.InReview => "(in review)",
        ArticleStatus.Scheduled => "(scheduled)",
        ArticleStatus.Published => "(published)",
        _ => "(unpublished)",
    };

    public static string Of(TypoReportStatus status) => status switch
    {
        TypoReportStatus.Open => "open",
        TypoReportStatus.Fixed => "fixed",
        TypoReportStatus.Dismissed => "dismissed",
        _ => "outdated",
    };
}
