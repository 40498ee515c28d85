using Broadsheet.Features.Newsroom.Articles;
using Broadsheet.Features.Site;
using Broadsheet.Features.TypoReports;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.TypoReports;

/// <summary>One report beside the article as readers see it, the reported occurrence marked.</summary>
public sealed class ReportModel(BroadsheetDb db, PageMeta meta, Language.NewsroomWords words) : PageModel
{
    public TypoReport Report { get; private set; } = null!;
    public ArticlePreview Preview { get; private set; } = null!;
    public ReportActions Actions { get; private set; } = null!;
    public int ArticleId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var report = await db.TypoReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null) return NotFound();
        var article = await db.Articles.AsNoTracking().FirstAsync(a => a.Id == report.ArticleId, ct);
        Report = report;
        ArticleId = article.Id;
        Preview = FragmentMark.Preview(article, report);
        Actions = new ReportActions(report, article.Status, Preview.HasMark);
        meta.Title = words["Typo report: {0}", article.Title];
        meta.NoIndex = true;
        return Page();
    }
}
