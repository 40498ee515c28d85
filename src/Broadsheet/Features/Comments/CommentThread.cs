using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Comments;

/// <summary>One comment as readers see it: the author's display name, or null for a deleted account.</summary>
public sealed record ShownComment(long Id, long? ParentId, string? Author, string Text, DateTime CreatedAt, DateTime? EditedAt);

/// <summary>A page of an article's discussion: threads oldest (or newest) first, each with its replies oldest first, and the total count.</summary>
public sealed record CommentPage(List<(ShownComment Comment, List<ShownComment> Replies)> Threads, int Count, int Page, int Pages, bool Newest = false);

public static class CommentThread
{
    public static async Task<CommentPage> LoadAsync(BroadsheetDb db, int articleId, int page, int pageSize, CancellationToken ct, bool newest = false)
    {
        var published = db.Comments.AsNoTracking().Where(c => c.ArticleId == articleId && c.Status == CommentStatus.Published);
        // Both counts in one round trip: most articles are read far more often than they are discussed.
        var counts = await published.GroupBy(_ => 1)
            .Select(g => new { All = g.Count(), Threads = g.Count(c => c.ParentId == null) })
            .FirstOrDefaultAsync(ct);
        if (counts is null) return new([], 0, 1, 1, newest);

        var pages = Math.Max(1, (counts.Threads + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pages);
        var threads = published.Where(c => c.ParentId == null);
        var tops = await Shown(db, (newest ? threads.OrderByDescending(c => c.Id) : threads.OrderBy(c => c.Id)).Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(ct);
        var ids = tops.Select(t => t.Id).ToList();
        var replies = counts.All == counts.Threads || ids.Count == 0 ? []
            : await Shown(db, published.Where(c => c.ParentId != null && ids.Contains(c.ParentId.Value)).OrderBy(c => c.Id)).ToListAsync(ct);
        var byParent = replies.ToLookup(r => r.ParentId);
        return new([.. tops.Select(t => (t, byParent[t.Id].ToList()))], counts.All, page, pages, newest);
    }

    private static IQueryable<ShownComment> Shown(BroadsheetDb db, IQueryable<Comment> comments) =>
        from c in comments
        join a in db.Users on c.AccountId equals a.Id into authors
        from a in authors.DefaultIfEmpty()
        select new ShownComment(c.Id, c.ParentId, a == null ? c.GuestName : a.DisplayName, c.Text, c.CreatedAt, c.EditedAt);
}
