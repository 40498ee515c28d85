using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Caching;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Taxonomy;

/// <summary>Tags are made on the fly in the editor; here they are renamed and merged. A tag's old address always redirects.</summary>
public sealed class TagsModel(BroadsheetDb db, CacheEviction cache, ArticleChanges changes, PageMeta meta, Language.NewsroomWords words) : PageModel
{
    public const int Limit = 300;
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public List<Row> Tags { get; private set; } = [];
    [TempData] public string? Notice { get; set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRenameAsync(int id, string? name, CancellationToken ct)
    {
        var tag = await db.Tags.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (tag is null) return NotFound();
        name = name?.Trim() ?? "";
        var slug = Slug.From(name);
        if (name.Length is 0 or > 100 || slug.Length == 0) return await RefuseAsync("A tag name needs letters or digits, at most 100 characters.", ct);
        var other = await db.Tags.FirstOrDefaultAsync(t => t.Slug == slug && t.Id != id, ct);
        if (other is not null) return await RefuseAsync(words["The tag \"{0}\" already has that address; merge into it instead.", other.Name], ct);
        if (slug != tag.Slug)
        {
            await db.TagSlugHistory.Where(h => h.Slug == slug).ExecuteDeleteAsync(ct);
            db.TagSlugHistory.Add(new TagSlugHistory { TagId = tag.Id, Slug = tag.Slug });
        }
        tag.Name = name;
        tag.Slug = slug;
        await db.SaveChangesAsync(ct);
        await cache.EvictAsync(ct, PageCache.SiteTag);
        await AnnounceAsync(await db.ArticleTags.Where(x => x.TagId == tag.Id).Select(x => x.ArticleId).ToListAsync(ct), ct);
        Notice = words["Renamed to {0}.", name];
        return Redirect("/newsroom/taxonomy/tags");
    }

    /// <summary>Moves every article of one tag to another and retires the first; its address, and those it inherited, redirect to the survivor.</summary>
    public async Task<IActionResult> OnPostMergeAsync(int id, string? into, CancellationToken ct)
    {
        var source = await db.Tags.FirstOrDefaultAsync(t => t.Id == id, ct);
        var wanted = (into ?? "").Trim();
        var wantedSlug = Slug.From(wanted);
        var target = await db.Tags.FirstOrDefaultAsync(t => t.Slug == wantedSlug || t.Name == wanted, ct);
        if (source is null) return NotFound();
        if (target is null || target.Id == source.Id) return await RefuseAsync(words["There is no other tag \"{0}\" to merge into.", into], ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var already = await db.ArticleTags.Where(x => x.TagId == target.Id).Select(x => x.ArticleId).ToListAsync(ct);
        var moving = await db.ArticleTags.Where(x => x.TagId == source.Id).ToListAsync(ct);
        db.ArticleTags.RemoveRange(moving);
        db.ArticleTags.AddRange(moving.Where(x => !already.Contains(x.ArticleId)).Select(x => new ArticleTag { ArticleId = x.ArticleId, TagId = target.Id }));
        await db.TagSlugHistory.Where(h => h.TagId == source.Id).ExecuteUpdateAsync(u => u.SetProperty(h => h.TagId, target.Id), ct);
        db.TagSlugHistory.Add(new TagSlugHistory { TagId = target.Id, Slug = source.Slug });
        db.Tags.Remove(source);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await cache.EvictAsync(ct, PageCache.SiteTag);
        await AnnounceAsync(moving.Select(x => x.ArticleId), ct);
        Notice = words["Merged {0} into {1}.", source.Name, target.Name];
        return Redirect("/newsroom/taxonomy/tags");
    }

    /// <summary>The articles' tags changed, and the search index must hear of it as well as the cache.</summary>
    private async Task AnnounceAsync(IEnumerable<int> articleIds, CancellationToken ct)
    {
        foreach (var id in articleIds) await changes.AnnounceAsync(id, ct);
    }

    private async Task<IActionResult> RefuseAsync(string message, CancellationToken ct)
    {
        Error = message;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        meta.Title = words["Tags"];
        meta.NoIndex = true;
        var query = db.Tags.AsNoTracking();
        if (Q is { Length: > 0 } q)
        {
            var pattern = "%" + q.Trim().ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            // Runs as SQL LOWER(), where the .NET culture plays no part; EF translates only the parameterless ToLower.
#pragma warning disable CA1304, CA1311
            query = query.Where(t => EF.Functions.Like(t.Name.ToLower(), pattern, "\\"));
#pragma warning restore CA1304, CA1311
        }
        Tags = await query.OrderBy(t => t.Name).Take(Limit)
            .Select(t => new Row(t.Id, t.Name, t.Slug, db.ArticleTags.Count(x => x.TagId == t.Id))).ToListAsync(ct);
    }

    public sealed record Row(int Id, string Name, string Slug, int Articles);
}
