using Broadsheet.Features.Comments;
using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Moderation;

/// <summary>
/// A comment as a moderator needs to judge it: the words, what it answers, the article it sits under,
/// why it is here (the rule that held it, readers' flags by reason) and its author's record.
/// </summary>
public sealed record CommentCard(
    Comment Comment, int ArticleId, string ArticleTitle, DateTime? ArticlePublishedAt, string ArticleSlug,
    string? Author, string? Email, bool AuthorBlocked, Dictionary<CommentStatus, int> History,
    Dictionary<FlagReason, int> Flags, Comment? Parent, string? ParentAuthor)
{
    /// <summary>
    /// Why it is in front of a moderator. A rule only explains a comment it held: a published comment in the
    /// queue is there because readers flagged it, whatever rule once held it before approval.
    /// </summary>
    public string? Reason => Comment.Status == CommentStatus.Held ? Comment.Rule : null;

    public bool IsFlagged => Comment.Status == CommentStatus.Published && Comment.FlagCount > 0;

    /// <summary>Loads the cards for the comments <paramref name="comments"/> selects, oldest or newest first, in four queries whatever their number.</summary>
    public static async Task<List<CommentCard>> LoadAsync(BroadsheetDb db, IQueryable<Comment> comments, bool newestFirst, DateTime now, CancellationToken ct)
    {
        var rows = await (
            from c in comments
            join a in db.Articles on c.ArticleId equals a.Id
            join u in db.Users on c.AccountId equals u.Id into authors
            from u in authors.DefaultIfEmpty()
            select new { c, a.Title, a.PublishedAt, a.Slug, Author = u == null ? null : u.DisplayName, Email = u == null ? null : u.Email, Blocked = u == null ? null : u.BlockedUntil })
            .ToListAsync(ct);
        // A join may lose the order of the query it joins: the order is put back here.
        rows = newestFirst ? [.. rows.OrderByDescending(r => r.c.Id)] : [.. rows.OrderBy(r => r.c.Id)];
        var ids = rows.Select(r => r.c.Id).ToList();
        var authorIds = rows.Select(r => r.c.AccountId).OfType<string>().Distinct().ToList();
        var parentIds = rows.Select(r => r.c.ParentId).OfType<long>().Distinct().ToList();
        var history = (await db.Comments.AsNoTracking().Where(c => c.AccountId != null && authorIds.Contains(c.AccountId))
            .GroupBy(c => new { c.AccountId, c.Status }).Select(g => new { g.Key.AccountId, g.Key.Status, Count = g.Count() }).ToListAsync(ct))
            .ToLookup(h => h.AccountId!);
        var flags = (await db.CommentFlags.AsNoTracking().Where(f => ids.Contains(f.CommentId))
            .GroupBy(f => new { f.CommentId, f.Reason }).Select(g => new { g.Key.CommentId, g.Key.Reason, Count = g.Count() }).ToListAsync(ct))
            .ToLookup(f => f.CommentId);
        var parents = (await (
            from c in db.Comments.AsNoTracking()
            where parentIds.Contains(c.Id)
            join u in db.Users on c.AccountId equals u.Id into authors
            from u in authors.DefaultIfEmpty()
            select new { c, Author = u == null ? null : u.DisplayName }).ToListAsync(ct)).ToDictionary(p => p.c.Id);
        return [.. rows.Select(r =>
        {
            var parent = r.c.ParentId is { } p && parents.TryGetValue(p, out var found) ? found : null;
            return new CommentCard(r.c, r.c.ArticleId, r.Title, r.PublishedAt, r.Slug, r.Author, r.Email, r.Blocked is { } b && b > now,
                r.c.AccountId is { } id ? history[id].ToDictionary(h => h.Status, h => h.Count) : [],
                flags[r.c.Id].OrderByDescending(f => f.Count).ToDictionary(f => f.Reason, f => f.Count),
                parent?.c, parent?.Author);
        })];
    }
}
