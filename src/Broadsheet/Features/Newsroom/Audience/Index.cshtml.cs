using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Newsroom.Language;
using Broadsheet.Features.Site;
using Broadsheet.Features.ViewCounting;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Audience;

/// <summary>What readers read now and this month, as charts drawn here (SVG) with their figures in a table beside each.</summary>
[Authorize(Policy = StaffPolicies.Editors)]
public sealed class IndexModel(ViewCounting.Audience audience, BroadsheetDb db, SiteContext site, PageMeta meta, NewsroomWords words, TimeProvider clock)
    : PageModel
{
    public const int Leaders = 10;
    public const int MonthDays = 30;

    /// <summary>An article's chart shows at most its first week, or its latest week when older (what the hourly figures keep).</summary>
    public static readonly TimeSpan HoursShown = TimeSpan.FromDays(7);

    public List<Figure> LastHour { get; private set; } = [];
    public List<Figure> LastDay { get; private set; } = [];
    public List<Figure> ByRubric { get; private set; } = [];
    public List<Figure> ByAuthor { get; private set; } = [];
    public string? ArticleTitle { get; private set; }
    public int? ArticleId { get; private set; }
    public List<HourFigure> Hours { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? article, CancellationToken ct)
    {
        meta.Title = words["Audience"];
        meta.NoIndex = true;
        var now = clock.GetUtcNow().UtcDateTime;
        LastHour = await audience.LeadersSinceAsync(now.AddHours(-1), Leaders, ct);
        LastDay = await audience.LeadersSinceAsync(now.AddDays(-1), Leaders, ct);
        var firstDay = site.LocalDate(now).AddDays(-(MonthDays - 1));
        ByRubric = await audience.ByRubricSinceAsync(firstDay, ct);
        ByAuthor = await audience.ByAuthorSinceAsync(firstDay, Leaders, ct);

        var id = article ?? LastDay.FirstOrDefault()?.ArticleId;
        if (id is not null)
        {
            var chosen = await db.Articles.AsNoTracking().Where(a => a.Id == id && a.PublishedAt != null)
                .Select(a => new { a.Id, a.Title, a.PublishedAt }).FirstOrDefaultAsync(ct);
            if (chosen is null) return article is null ? Page() : NotFound();
            var from = chosen.PublishedAt!.Value;
            if (now - from > HoursShown) from = now - HoursShown;
            (ArticleId, ArticleTitle) = (chosen.Id, chosen.Title);
            Hours = from <= now ? await audience.HoursAsync(chosen.Id, from, now, ct) : [];
        }
        return Page();
    }
}
