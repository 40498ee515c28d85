using Broadsheet.Features.Articles;
using Broadsheet.Features.Shared;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom;

/// <summary>The newsroom's front page: articles by state, newest work first, with a text and a rubric filter.</summary>
public sealed class IndexModel(BroadsheetDb db, TypoReports.TypoInbox typos, PageMeta meta) : PageModel
{
    public const int Limit = 100;

    [BindProperty(SupportsGet = true)] public ArticleStatus State { get; set; } = ArticleStatus.Draft;
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Rubric { get; set; }

    [TempData] public string? Notice { get; set; }
    public List<Row> Articles { get; private set; } = [];
    public Dictionary<ArticleStatus, int> Counts { get; private set; } = [];
    public List<Rubric> AllRubrics { get; private set; } = [];
    public bool IsWriter { get; private set; }
    public TypoReports.TypoStats? Typos { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        meta.Title = "Newsroom";
        meta.NoIndex = true;
        IsWriter = User.IsInRole(Accounts.StaffRoles.Admin) || User.IsInRole(Accounts.StaffRoles.Editor) || User.IsInRole(Accounts.StaffRoles.Author);
        if (!IsWriter) return;
        if (Broadsheet.Features.Newsroom.Articles.ArticleDesk.IsEditor(User)) Typos = await typos.StatsAsync(ct);

        Counts = await db.Articles.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        AllRubrics = await db.Rubrics.AsNoTracking().OrderBy(r => r.Position).ToListAsync(ct);

        var query = db.Articles.AsNoTracking().Where(a => a.Status == State);
        if (Q is { Length: > 0 } q)
        {
            // lower() on both sides, because PostgreSQL's LIKE minds case; SQLite's lower() folds only Latin
            // letters, so a Russian headline is found there only as typed. The search page does better.
            var pattern = "%" + q.Trim().ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(a => EF.Functions.Like(a.Title.ToLower(), pattern, "\\"));
        }
        if (Rubric is { Length: > 0 } rubric) query = query.Where(a => a.Rubrics.Any(r => r.Rubric.Slug == rubric));
        query = State is ArticleStatus.Published or ArticleStatus.Scheduled
            ? query.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            : query.OrderByDescending(a => a.Id);
        Articles = await query.Take(Limit).Select(a => new Row(
            a.Id, a.Title, a.Status, a.PublishedAt, a.UpdatedAt, a.CreatedAt,
            a.Authors.OrderBy(x => x.Position).Select(x => x.Author.Name).ToList())).ToListAsync(ct);
    }

    public sealed record Row(int Id, string Title, ArticleStatus Status, DateTime? PublishedAt, DateTime? UpdatedAt, DateTime CreatedAt, List<string> Authors);
}
