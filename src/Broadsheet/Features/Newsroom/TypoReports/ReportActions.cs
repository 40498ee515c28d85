using Broadsheet.Features.Articles;
using Broadsheet.Features.TypoReports;

namespace Broadsheet.Features.Newsroom.TypoReports;

/// <summary>One report's suggestion with its buttons, as the inbox and the preview both show it.</summary>
public sealed record ReportActions(TypoReport Report, ArticleStatus ArticleStatus, bool IsStillInText);
