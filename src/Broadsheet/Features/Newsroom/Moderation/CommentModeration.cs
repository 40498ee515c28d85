using System.Security.Claims;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Comments;
using Broadsheet.Features.Audit;
using Broadsheet.Infrastructure.Caching;
using Broadsheet.Infrastructure.Data;
using Broadsheet.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Moderation;

/// <summary>A moderator's acts on comments and accounts; each is written to the audit log in the same save.</summary>
public sealed class CommentModeration(BroadsheetDb db, AuditLog audit, CacheEviction eviction, ReaderMail mail, TimeProvider clock, ILogger<CommentModeration> log)
{
    public const string Approve = "comment-approve";
    public const string Keep = "comment-keep";
    public const string Restore = "comment-restore";
    public const string Hide = "comment-hide";
    public const string Reject = "comment-reject";
    public const string Delete = "comment-delete";
    public const string Block = "account-block";
    public const string Unblock = "account-unblock";

    /// <summary>
    /// Moves a comment to <paramref name="decision"/>: published (approve a held one, keep a flagged one, restore a
    /// removed one), held (hide a published one until someone looks again), rejected or deleted (removed).
    /// A change to what readers see evicts the article's pages and its comments memo on every node.
    /// </summary>
    public async Task<bool> DecideAsync(ClaimsPrincipal moderator, long commentId, CommentStatus decision, CancellationToken ct)
    {
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId, ct);
        if (comment is null) return false;
        var was = comment.Status;
        var wasPublic = comment.IsPublic;
        var flags = comment.FlagCount;
        comment.Status = decision;
        comment.ModeratedAt = clock.GetUtcNow().UtcDateTime;
        // A kept or approved comment starts over: the flags that held it were answered.
        if (decision == CommentStatus.Published) comment.FlagCount = 0;
        var action = (was, decision) switch
        {
            (CommentStatus.Held, CommentStatus.Published) when flags == 0 => Approve,
            (CommentStatus.Held or CommentStatus.Published, CommentStatus.Published) => Keep,
            (_, CommentStatus.Published) => Restore,
            (_, CommentStatus.Held) => Hide,
            (_, CommentStatus.Rejected) => Reject,
            _ => Delete,
        };
        audit.Record(moderator, action, comment.ArticleId, comment.AccountId,
            $"comment {comment.Id}; was {was.ToString().ToLowerInvariant()}; rule: {comment.Rule ?? "none"}; flags: {flags}");
        if (decision == CommentStatus.Published) await db.CommentFlags.Where(f => f.CommentId == commentId).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        // The article tag takes with it the page and ArticleMemo's entries for the article (its comments memo too).
        if (wasPublic || comment.IsPublic) await eviction.EvictAsync(ct, PageCache.ArticleTag(comment.ArticleId));
        return true;
    }

    /// <summary>The same decision for several comments; each is its own audited act. Answers how many existed.</summary>
    public async Task<int> DecideManyAsync(ClaimsPrincipal moderator, IEnumerable<long> commentIds, CommentStatus decision, CancellationToken ct)
    {
        var done = 0;
        foreach (var id in commentIds.Distinct().Take(BulkMax))
            if (await DecideAsync(moderator, id, decision, ct)) done++;
        return done;
    }

    /// <summary>One queue page's worth: a bulk form asks for no more than a moderator can see.</summary>
    public const int BulkMax = 200;

    /// <summary>Blocks an account until <paramref name="until"/> (<see cref="DateTime.MaxValue"/> for good); its waiting comments are rejected.</summary>
    public async Task<bool> BlockAsync(ClaimsPrincipal moderator, string accountId, DateTime until, bool tell, string reason, CancellationToken ct)
    {
        var account = await db.Users.FirstOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        account.BlockedUntil = until;
        var held = await db.Comments.Where(c => c.AccountId == accountId && c.Status == CommentStatus.Held).ToListAsync(ct);
        foreach (var c in held) { c.Status = CommentStatus.Rejected; c.ModeratedAt = now; }
        audit.Record(moderator, Block, accountId: accountId,
            details: $"{(until == DateTime.MaxValue ? "for good" : $"until {until:yyyy-MM-dd HH:mm} UTC")}; {(tell ? "told" : "without notice")}; {held.Count} waiting rejected; {reason}");
        await db.SaveChangesAsync(ct);
        if (tell && account.Email is { } email)
        {
            try { await mail.BlockedAsync(email, until, reason, ct); }
            catch (MailNotSentException e) { log.LogWarning(e, "Could not tell account {Account} of its block", accountId); }
        }
        return true;
    }

    public async Task<bool> UnblockAsync(ClaimsPrincipal moderator, string accountId, CancellationToken ct)
    {
        var account = await db.Users.FirstOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null) return false;
        account.BlockedUntil = null;
        audit.Record(moderator, Unblock, accountId: accountId);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The per-article override: every comment held, comments closed, or back to the usual rules.</summary>
    public async Task<bool> SetArticleAsync(ClaimsPrincipal moderator, int articleId, ArticleComments mode, CancellationToken ct)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == articleId, ct);
        if (article is null) return false;
        var policy = await db.ArticleCommentPolicies.FirstOrDefaultAsync(p => p.ArticleId == articleId, ct);
        if (policy is null) db.Add(policy = new ArticleCommentPolicy { ArticleId = articleId });
        policy.HoldAll = mode == ArticleComments.HoldAll;
        article.CommentsEnabled = mode != ArticleComments.Closed;
        audit.Record(moderator, "comments-" + mode.ToString().ToLowerInvariant(), articleId);
        await db.SaveChangesAsync(ct);
        await eviction.EvictAsync(ct, PageCache.ArticleTag(articleId));
        return true;
    }
}

public enum ArticleComments { Usual, HoldAll, Closed }
