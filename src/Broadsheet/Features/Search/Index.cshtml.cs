using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Search;

public sealed class SearchPageModel(IArticleSearch search, SiteWords words, BroadsheetDb db, SiteContext site, PageMeta meta) : PageModel
{
    public SearchRequest Asked { get; private set; } = null!;
    public SearchResults Results { get; private set; } = SearchResults.Unasked;
    public IReadOnlyList<(string Slug, string Name)> Rubrics { get; private set; } = [];
    public IReadOnlyList<(string Slug, string Name)> Authors { get; private set; } = [];

    /// <summary>The reader's words spelt as the site spells them, when those found nothing and these find something.</summary>
    public SpellingCorrection? Correction { get; private set; }

    /// <summary>The results shown are the corrected query's, not the reader's (which found nothing).</summary>
    public bool ShowsCorrection { get; private set; }

    public bool HasPrevious => Asked.Page > 1;
    public bool HasNext => Asked.Page < SearchRequest.MaxPages && Asked.Page * SearchRequest.PageSize < Results.Total;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!SearchRequest.TryRead(Request.Query, out var request)) return BadRequest();
        Asked = request;
        Results = await search.SearchAsync(request.ToQuery(site), ct);
        if (Results is { NothingAsked: false, Total: 0 } && request.Page == 1 && Request.Query["exact"] != "1") await CorrectAsync(request, ct);
        Rubrics = (await db.Rubrics.AsNoTracking().OrderBy(r => r.Position).Select(r => new { r.Slug, r.Name }).ToListAsync(ct))
            .ConvertAll(r => (r.Slug, r.Name));
        Authors = (await db.Authors.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Slug, a.Name }).ToListAsync(ct))
            .ConvertAll(a => (a.Slug, a.Name));
        meta.Title = string.IsNullOrWhiteSpace(request.Text) ? site.Text.Search.Title : $"{site.Text.Search.Title}: {Articles.Teaser.Shorten(request.Text, 80)}";
        // A search result page is not content of its own; search engines should not list it.
        meta.NoIndex = true;
        return Page();
    }

    // Only for a query that found nothing, and only offered if the corrected one finds something.
    private async Task CorrectAsync(SearchRequest request, CancellationToken ct)
    {
        if (Speller.Correct(request.Text, await words.GetAsync(ct)) is not { } correction) return;
        var corrected = await search.SearchAsync((request with { Text = correction.Text }).ToQuery(site), ct);
        if (corrected.Total == 0) return;
        Correction = correction;
        if (!correction.IsClear) return;
        Results = corrected;
        ShowsCorrection = true;
    }
}
