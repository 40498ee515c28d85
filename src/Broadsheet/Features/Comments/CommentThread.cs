using System.Linq.Expressions;
using Broadsheet.Features.Accounts;
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
        // Every article page asks for its discussion, so its queries are compiled once: a LINQ query is otherwise
        // walked, hashed and looked up in EF's query cache on every execution, a cost paid per cold render.
        if (await CountsOf(db, articleId, ct) is not { } counts) return new([], 0, 1, 1, newest);

        var pages = Math.Max(1, (counts.Threads + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pages);
        var tops = await (newest ? NewestThreads : OldestThreads)(db, articleId, (page - 1) * pageSize, pageSize).ToListAsync(ct);
        long[] ids = [.. tops.Select(t => t.Id)];
        var replies = counts.All == counts.Threads || ids.Length == 0 ? [] : await RepliesTo(db, articleId, ids).ToListAsync(ct);
        var byParent = replies.ToLookup(r => r.ParentId);
        return new([.. tops.Select(t => (t, byParent[t.Id].ToList()))], counts.All, page, pages, newest);
    }

    private sealed record Counts(int All, int Threads);

    private static readonly Expression<Func<Comment, Account?, ShownComment>> Shown = (c, a) =>
        new ShownComment(c.Id, c.ParentId, a == null ? c.GuestName : a.DisplayName, c.Text, c.CreatedAt, c.EditedAt);

    /// <summary>Both counts in one round trip: most articles are read far more often than they are discussed.</summary>
    private static readonly Func<BroadsheetDb, int, CancellationToken, Task<Counts?>> CountsOf = EF.CompileAsyncQuery(
        (BroadsheetDb db, int articleId, CancellationToken ct) => db.Comments
            .Where(c => c.ArticleId == articleId && c.Status == CommentStatus.Published)
            .GroupBy(_ => 1).Select(g => new Counts(g.Count(), g.Count(c => c.ParentId == null))).FirstOrDefault());

    private static readonly Func<BroadsheetDb, int, int, int, IAsyncEnumerable<ShownComment>> OldestThreads = EF.CompileAsyncQuery(
        (BroadsheetDb db, int articleId, int skip, int take) => db.Comments
            .Where(c => c.ArticleId == articleId && c.Status == CommentStatus.Published && c.ParentId == null)
            .OrderBy(c => c.Id).Skip(skip).Take(take)
            .LeftJoin(db.Users, c => c.AccountId, a => a.Id, Shown));

    private static readonly Func<BroadsheetDb, int, int, int, IAsyncEnumerable<ShownComment>> NewestThreads = EF.CompileAsyncQuery(
        (BroadsheetDb db, int articleId, int skip, int take) => db.Comments
            .Where(c => c.ArticleId == articleId && c.Status == CommentStatus.Published && c.ParentId == null)
            .OrderByDescending(c => c.Id).Skip(skip).Take(take)
            .LeftJoin(db.Users, c => c.AccountId, a => a.Id, Shown));

    private static readonly Func<BroadsheetDb, int, long[], IAsyncEnumerable<ShownComment>> RepliesTo = EF.CompileAsyncQuery(
        (BroadsheetDb db, int articleId, long[] parents) => db.Comments
            .Where(c => c.ArticleId == articleId && c.Status == CommentStatus.Published && c.ParentId != null && parents.Contains(c.ParentId.Value))
            .OrderBy(c => c.Id)
            .LeftJoin(db.Users, c => c.AccountId, a => a.Id, Shown));
}
