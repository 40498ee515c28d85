using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Articles;

/// <summary>
/// Which stories the front page shows, and where. Editors' choices (<see cref="FrontPagePick"/>) come
/// first; what they leave open fills itself. Each story appears once: the top stories, then the
/// stories chosen to lead a rubric's block, then the latest-news stream, then the rest of each block.
/// </summary>
public sealed class FrontPageSelection(BroadsheetDb db)
{
    public const int TopCount = 5;
    public const int LatestCount = 15;
    public const int BlockSize = 4;

    /// <summary>Marked stories are the day's: older ones fill the top only when nothing else would lead.</summary>
    public static readonly TimeSpan TopStoryAge = TimeSpan.FromDays(3);

    public async Task<FrontPage> LoadAsync(DateTime now, CancellationToken ct)
    {
        var visible = db.Articles.AsNoTracking().VisibleAt(now);
        var picks = await db.FrontPagePicks.AsNoTracking().OrderBy(p => p.Position).ThenBy(p => p.Id).ToListAsync(ct);
        var shown = new HashSet<int>();

        // Chosen top stories are the whole list, in the editors' order; with none chosen (or none of them
        // visible any more) the day's marked stories fill it.
        var top = await InOrderAsync(now, [.. picks.Where(p => p.RubricId is null).Select(p => p.ArticleId)], ct);
        if (top.Count == 0)
        {
            var since = now - TopStoryAge;
            top = await visible.Where(a => a.Prominence > 0 && a.PublishedAt >= since)
                .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Prominence)
                .Take(TopCount).ToTeasers().ToListAsync(ct);
        }
        // The front page never loses its lead: the newest marked story of any age, or else the newest story.
        if (top.Count == 0)
        {
            var lead = await visible.Where(a => a.Prominence > 0).Newest().Take(1).ToTeasers().FirstOrDefaultAsync(ct)
                ?? await visible.Newest().Take(1).ToTeasers().FirstOrDefaultAsync(ct);
            if (lead is not null) top.Add(lead);
        }
        shown.UnionWith(top.Select(t => t.Id));

        var rubrics = await db.Rubrics.AsNoTracking().OrderBy(r => r.Position).ThenBy(r => r.Name).ToListAsync(ct);
        var blockLeads = new Dictionary<int, Teaser>();
        foreach (var pick in picks.Where(p => p.RubricId is not null && !shown.Contains(p.ArticleId)))
        {
            if (blockLeads.ContainsKey(pick.RubricId!.Value)) continue;
            var rubricId = pick.RubricId.Value;
            var lead = await visible.Where(a => a.Id == pick.ArticleId && a.Rubrics.Any(r => r.RubricId == rubricId))
                .ToTeasers().FirstOrDefaultAsync(ct);
            if (lead is null) continue;
            blockLeads[rubricId] = lead;
            shown.Add(lead.Id);
        }

        var latest = await visible.Where(a => !shown.Contains(a.Id)).Newest().Take(LatestCount).ToTeasers().ToListAsync(ct);
        shown.UnionWith(latest.Select(t => t.Id));

        // Every rubric's candidates in one query (a UNION ALL of small index walks) and their teasers in a second,
        // not a round trip per rubric. A story shows once, so the earlier blocks may take some of a rubric's newest:
        // the i-th rubric brings BlockSize × (i + 1), as many as the blocks before it could take plus its own, so
        // the choice made here in memory is exactly what one query per rubric would have made.
        var candidates = await BlockCandidatesAsync(visible, rubrics, shown, ct);
        var chosenIds = new Dictionary<int, List<int>>();
        var taken = new HashSet<int>(shown);
        foreach (var rubric in rubrics)
        {
            var room = BlockSize - (blockLeads.ContainsKey(rubric.Id) ? 1 : 0);
            var ids = candidates.Where(c => c.RubricId == rubric.Id && !taken.Contains(c.Id)).Select(c => c.Id).Take(room).ToList();
            taken.UnionWith(ids);
            chosenIds[rubric.Id] = ids;
        }
        var wanted = chosenIds.Values.SelectMany(ids => ids).ToList();
        var teasers = wanted.Count == 0 ? []
            : await db.Articles.AsNoTracking().Where(a => wanted.Contains(a.Id)).ToTeasers().ToDictionaryAsync(t => t.Id, ct);
        var blocks = new List<RubricBlock>();
        foreach (var rubric in rubrics)
        {
            var items = blockLeads.TryGetValue(rubric.Id, out var chosen) ? [chosen] : new List<Teaser>();
            items.AddRange(chosenIds[rubric.Id].Select(id => teasers[id]));
            if (items.Count > 0) blocks.Add(new RubricBlock(rubric, items));
        }
        return new FrontPage(top, latest, blocks);
    }

    private static async Task<List<BlockCandidate>> BlockCandidatesAsync(
        IQueryable<Article> visible, List<Rubric> rubrics, HashSet<int> shown, CancellationToken ct)
    {
        if (rubrics.Count == 0) return [];
        var excluded = shown.ToList();
        IQueryable<BlockCandidate>? all = null;
        for (var i = 0; i < rubrics.Count; i++)
        {
            var rubricId = rubrics[i].Id;
            var take = BlockSize * (i + 1);
            // Plain columns: EF translates a set operation only before any client-side projection (such as a Teaser).
            var one = visible.Where(a => a.Rubrics.Any(r => r.RubricId == rubricId) && !excluded.Contains(a.Id))
                .Newest().Take(take).Select(a => new BlockCandidate { RubricId = rubricId, Id = a.Id, PublishedAt = a.PublishedAt!.Value });
            all = all is null ? one : all.Concat(one);
        }
        // Each part is ordered in its own subquery; a UNION ALL promises no order, so it is ordered again here.
        var found = await all!.ToListAsync(ct);
        return [.. found.OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id)];
    }

    private sealed class BlockCandidate
    {
        public int RubricId { get; init; }
        public int Id { get; init; }
        public DateTime PublishedAt { get; init; }
    }

    /// <summary>The chosen stories readers can see now, in the editors' order.</summary>
    private async Task<List<Teaser>> InOrderAsync(DateTime now, List<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var visible = await db.Articles.AsNoTracking().VisibleAmongAsync(ids, now, ct);
        if (visible.Count == 0) return [];
        var found = await db.Articles.AsNoTracking().Where(a => visible.Contains(a.Id)).ToTeasers().ToListAsync(ct);
        return [.. ids.Distinct().Select(id => found.Find(t => t.Id == id)).OfType<Teaser>().Take(TopCount)];
    }
}

/// <summary>What the home page shows the same to every reader, apart from "most read" (ViewCounting's, with its own memo).</summary>
public sealed record FrontPage(List<Teaser> TopStories, List<Teaser> Latest, List<RubricBlock> Blocks);

public sealed record RubricBlock(Rubric Rubric, List<Teaser> Teasers);
