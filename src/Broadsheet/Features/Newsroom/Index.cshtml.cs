using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Search;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom;

/// <summary>
/// The newsroom's front page: articles by state, newest work first, with a rubric filter and a search that
/// runs on the site's search engine over drafts too (any word form, title, lead and body; best match first).
/// </summary>
public sealed class IndexModel(BroadsheetDb db, IArticleSearch search, TypoReports.TypoInbox typos, Workflow.WhatNeedsYou needs, PageMeta meta) : PageModel
{
    public const int Limit = 100;

    /// <summary>Null on the front door: it opens on what needs this person (<see cref="Desk"/>), not on a tab.</summary>
    [BindProperty(SupportsGet = true)] public ArticleStatus? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Rubric { get; set; }

    [TempData] public string? Notice { get; set; }
    public List<Row> Articles { get; private set; } = [];
    public Dictionary<ArticleStatus, int> Counts { get; private set; } = [];
    public List<Rubric> AllRubrics { get; private set; } = [];
    public bool IsWriter { get; private set; }
    public TypoReports.TypoStats? Typos { get; private set; }
    public Workflow.WhatNeedsYou.Desk? Desk { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        meta.Title = "Newsroom";
        meta.NoIndex = true;
        IsWriter = User.IsInAny(StaffRoles.Writers);
        if (!IsWriter) return;
        if (User.IsInAny(StaffRoles.Editors)) Typos = await typos.StatsAsync(ct);

        Counts = await db.Articles.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        AllRubrics = await db.Rubrics.AsNoTracking().OrderBy(r => r.Position).ToListAsync(ct);
        if (State is null && string.IsNullOrEmpty(Q) && string.IsNullOrEmpty(Rubric))
        {
            Desk = await needs.ForAsync(User, Typos?.Open, ct);
            return;
        }
        State ??= ArticleStatus.Draft;

        var rubric = Rubric is { Length: > 0 } r ? r : null;
        if (Q is { Length: > 0 } q)
        {
            var found = await search.SearchAsync(new SearchQuery
            {
                Text = q, IncludeUnpublished = true, Status = State, RubricSlug = rubric, Take = Limit,
            }, ct);
            var ids = found.Hits.Select(h => h.ArticleId).ToList();
            var rows = (await Rows(db.Articles.Where(a => ids.Contains(a.Id))).ToListAsync(ct)).ToDictionary(row => row.Id);
            // In the engine's order; an article deleted since the engine last heard is simply left out.
            Articles = [.. ids.Where(rows.ContainsKey).Select(id => rows[id])];
            return;
        }

        var query = db.Articles.Where(a => a.Status == State);
        if (rubric is not null) query = query.Where(a => a.Rubrics.Any(x => x.Rubric.Slug == rubric));
        query = State is ArticleStatus.Published or ArticleStatus.Scheduled
            ? query.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            : query.OrderByDescending(a => a.Id);
        Articles = await Rows(query.Take(Limit)).ToListAsync(ct);
    }

    private static IQueryable<Row> Rows(IQueryable<Article> articles) => articles.AsNoTracking().Select(a => new Row(
        a.Id, a.Title, a.Status, a.PublishedAt, a.UpdatedAt, a.CreatedAt,
        a.Authors.OrderBy(x => x.Position).Select(x => x.Author.Name).ToList()));

    public sealed record Row(int Id, string Title, ArticleStatus Status, DateTime? PublishedAt, DateTime? UpdatedAt, DateTime CreatedAt, List<string> Authors);
}
