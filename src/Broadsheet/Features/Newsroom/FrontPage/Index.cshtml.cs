using System.ComponentModel.DataAnnotations;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Audit;
using Broadsheet.Features.Newsroom.Language;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Caching;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.FrontPage;

/// <summary>
/// One screen for what leads the paper: the order of the top stories (the first is the lead), the
/// story that leads each rubric's block, and the breaking strip. Every change is audited and shows
/// on the site at once: the listings (pages and memos) are evicted on every node.
/// </summary>
[Authorize(Policy = StaffPolicies.Editors)]
public sealed class IndexModel(BroadsheetDb db, SiteContext site, PageMeta meta, AuditLog audit, CacheEviction eviction,
    NewsroomWords words, TimeProvider clock) : PageModel
{
    private const int Candidates = 40;
    private const int RubricCandidates = 15;

    /// <summary>The front page as readers see it now.</summary>
    public Broadsheet.Features.Articles.FrontPage Current { get; private set; } = new([], [], []);

    /// <summary>True when editors chose the top stories; false when the marked stories fill them by themselves.</summary>
    public bool TopChosen { get; private set; }
    public List<Teaser> Recent { get; private set; } = [];
    public List<RubricChoice> Rubrics { get; private set; } = [];
    public BreakingNews? Strip { get; private set; }
    public bool StripLive { get; private set; }
    [BindProperty] public BreakingForm Breaking { get; set; } = new();
    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Strip is { } strip && StripLive)
            Breaking = new BreakingForm { Text = strip.Text, Link = strip.Link, ExpiresAt = site.ToLocal(strip.ExpiresAt) };
        else
            Breaking = new BreakingForm { ExpiresAt = site.ToLocal(Now.AddHours(2)) };
    }

    /// <summary>The drag-and-drop's save, and the no-script "set order": the whole list as it should stand.</summary>
    public Task<IActionResult> OnPostOrderAsync(List<int> order, CancellationToken ct) => SaveTopAsync(order, ct);

    /// <summary>The keyboard's way: one story a place up or down.</summary>
    public async Task<IActionResult> OnPostMoveAsync(int id, int by, CancellationToken ct)
    {
        var order = await ShownTopAsync(ct);
        var from = order.IndexOf(id);
        if (from < 0 || by is not (-1 or 1)) return BadRequest();
        var to = Math.Clamp(from + by, 0, order.Count - 1);
        order.RemoveAt(from);
        order.Insert(to, id);
        return await SaveTopAsync(order, ct, focus: id);
    }

    public async Task<IActionResult> OnPostAddAsync(int id, int position, CancellationToken ct)
    {
        var order = await ShownTopAsync(ct);
        order.Remove(id);
        order.Insert(Math.Clamp(position - 1, 0, order.Count), id);
        return await SaveTopAsync(order, ct, focus: id);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        var order = await ShownTopAsync(ct);
        if (!order.Remove(id)) return BadRequest();
        return await SaveTopAsync(order, ct);
    }

    /// <summary>Back to the marked stories filling the top by themselves.</summary>
    public Task<IActionResult> OnPostAutomaticAsync(CancellationToken ct) => SaveTopAsync([], ct);

    public async Task<IActionResult> OnPostBlockLeadAsync(int rubricId, int? id, CancellationToken ct)
    {
        var rubric = await db.Rubrics.AsNoTracking().FirstOrDefaultAsync(r => r.Id == rubricId, ct);
        if (rubric is null) return BadRequest();
        if (id is { } chosen && !await db.Articles.VisibleAt(Now).AnyAsync(a => a.Id == chosen && a.Rubrics.Any(r => r.RubricId == rubricId), ct))
            return BadRequest();
        await db.FrontPagePicks.Where(p => p.RubricId == rubricId).ExecuteDeleteAsync(ct);
        if (id is { } articleId) db.FrontPagePicks.Add(new FrontPagePick { RubricId = rubricId, ArticleId = articleId, Position = 0 });
        audit.Record(User, AuditAction.FrontPage, id, details: id is null ? $"{rubric.Name}: newest leads" : $"{rubric.Name}: leads");
        await db.SaveChangesAsync(ct);
        await eviction.EvictAsync(ct, PageCache.ListingsTag);
        Notice = words["Saved the lead of {0}.", rubric.Name];
        return Redirect($"/newsroom/front-page#rubric-{rubricId}");
    }

    public async Task<IActionResult> OnPostBreakingAsync(CancellationToken ct)
    {
        var link = Breaking.Link?.Trim();
        if (link is { Length: > 0 } && !IsAcceptableLink(link))
            ModelState.AddModelError("Breaking.Link", words["The link must be a path on this site (/…) or an http(s) address."]);
        if (Breaking.ExpiresAt is { } local && site.ToUtc(local) <= Now)
            ModelState.AddModelError("Breaking.ExpiresAt", words["The expiry must be in the future."]);
        if (!ModelState.IsValid) { await LoadAsync(ct); return Page(); }

        var strip = await db.BreakingNews.OrderByDescending(b => b.Id).FirstOrDefaultAsync(ct);
        if (strip is null) db.BreakingNews.Add(strip = new BreakingNews { Text = "" });
        strip.Text = Breaking.Text!.Trim();
        strip.Link = link is { Length: > 0 } ? link : null;
        strip.ExpiresAt = site.ToUtc(Breaking.ExpiresAt!.Value);
        strip.SetAt = Now;
        strip.SetBy = User.Identity?.Name ?? "";
        audit.Record(User, AuditAction.Breaking, details: $"{strip.Text} → {strip.Link ?? "-"} until {strip.ExpiresAt:O}");
        await db.SaveChangesAsync(ct);
        await eviction.SettingsChangedAsync(ct);
        Notice = words["The breaking strip is up."];
        return Redirect("/newsroom/front-page#breaking");
    }

    public async Task<IActionResult> OnPostBreakingOffAsync(CancellationToken ct)
    {
        var strip = await db.BreakingNews.OrderByDescending(b => b.Id).FirstOrDefaultAsync(ct);
        if (strip is not null && strip.IsLiveAt(Now))
        {
            strip.ExpiresAt = Now;
            audit.Record(User, AuditAction.Breaking, details: $"taken down: {strip.Text}");
            await db.SaveChangesAsync(ct);
            await eviction.SettingsChangedAsync(ct);
        }
        Notice = words["The breaking strip is down."];
        return Redirect("/newsroom/front-page#breaking");
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static bool IsAcceptableLink(string link) =>
        SitePath.IsLocal(link) || (Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https");

    /// <summary>The top stories as readers see them now: the list an arrangement starts from.</summary>
    private async Task<List<int>> ShownTopAsync(CancellationToken ct) =>
        [.. (await new FrontPageSelection(db).LoadAsync(Now, ct)).TopStories.Select(t => t.Id)];

    private async Task<IActionResult> SaveTopAsync(List<int> order, CancellationToken ct, int? focus = null)
    {
        order = [.. order.Distinct()];
        if (order.Count > FrontPageSelection.TopCount)
        {
            Notice = words["At most {0} top stories: remove one first.", FrontPageSelection.TopCount];
            return Redirect("/newsroom/front-page#top");
        }
        var visible = await db.Articles.VisibleAt(Now).Where(a => order.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        if (visible.Count != order.Count) return BadRequest();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.FrontPagePicks.Where(p => p.RubricId == null).ExecuteDeleteAsync(ct);
        db.FrontPagePicks.AddRange(order.Select((id, i) => new FrontPagePick { ArticleId = id, Position = i }));
        audit.Record(User, AuditAction.FrontPage, order.FirstOrDefault() is var lead and > 0 ? lead : null,
            details: order.Count == 0 ? "top stories: automatic" : $"top stories: {string.Join(", ", order)}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await eviction.EvictAsync(ct, PageCache.ListingsTag);
        Notice = order.Count == 0 ? words["The marked stories fill the top by themselves again."] : words["Saved the top stories."];
        return Redirect(focus is { } id ? $"/newsroom/front-page#story-{id}" : "/newsroom/front-page#top");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        meta.Title = words["Front page"];
        meta.NoIndex = true;
        var now = Now;
        Current = await new FrontPageSelection(db).LoadAsync(now, ct);
        var picks = await db.FrontPagePicks.AsNoTracking().ToListAsync(ct);
        var chosenTop = picks.Where(p => p.RubricId is null).Select(p => p.ArticleId).ToHashSet();
        TopChosen = Current.TopStories.Any(t => chosenTop.Contains(t.Id));
        var visible = db.Articles.AsNoTracking().VisibleAt(now);
        Recent = await visible.Newest().Take(Candidates).ToTeasers().ToListAsync(ct);
        foreach (var rubric in await db.Rubrics.AsNoTracking().OrderBy(r => r.Position).ThenBy(r => r.Name).ToListAsync(ct))
        {
            var stories = await visible.Where(a => a.Rubrics.Any(r => r.RubricId == rubric.Id)).Newest().Take(RubricCandidates).ToTeasers().ToListAsync(ct);
            var chosen = picks.FirstOrDefault(p => p.RubricId == rubric.Id)?.ArticleId;
            if (chosen is { } id && !stories.Exists(s => s.Id == id))
                stories.InsertRange(0, await visible.Where(a => a.Id == id).ToTeasers().ToListAsync(ct));
            Rubrics.Add(new RubricChoice(rubric, stories, chosen, Current.Blocks.Find(b => b.Rubric.Id == rubric.Id)?.Teasers ?? []));
        }
        Strip = await db.BreakingNews.AsNoTracking().OrderByDescending(b => b.Id).FirstOrDefaultAsync(ct);
        StripLive = Strip?.IsLiveAt(now) == true;
    }
}

/// <summary>A rubric's block on the screen: the stories that may lead it, the chosen one, and what readers see.</summary>
public sealed record RubricChoice(Rubric Rubric, List<Teaser> Stories, int? ChosenId, List<Teaser> Shown);

public sealed class BreakingForm
{
    [Required(ErrorMessage = "The strip needs its words."), StringLength(BreakingNews.MaxText, ErrorMessage = "The strip holds at most 200 characters.")]
    public string? Text { get; set; }

    [StringLength(500, ErrorMessage = "The link is too long: at most 500 characters.")]
    public string? Link { get; set; }

    /// <summary>In the site's time zone, as a datetime-local field sends it.</summary>
    [Required(ErrorMessage = "The strip needs an expiry time.")]
    public DateTime? ExpiresAt { get; set; }
}
