using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Moderation;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Caching;
using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Comments;

/// <summary>
/// Posting, editing and flagging, shared by the comments page and the JSON API so both follow the
/// same rules in the same order: who may post, where, how often, then what the rule book says,
/// then whether this reader or article is pre-moderated. A comment the reader is told was accepted
/// is saved before the answer goes out.
/// </summary>
public sealed class CommentDesk(
    BroadsheetDb db, RuleBooks ruleBooks, CommentOptions options, TimeProvider clock,
    CacheEviction eviction, PublicOrigin publicOrigin, SiteContext site, ILogger<CommentDesk> log)
{
    private CommentOptions Limits => options;
    private CommentMessages Say => CommentMessages.For(site);

    public async Task<PostOutcome> PostAsync(Account account, int articleId, long? parentId, string? text, string address, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (Refusal(account, now) is { } refusal) return refusal;
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == articleId, ct);
        if (article is null || !article.IsVisibleAt(now)) return new(404, Say.NoSuchArticle);
        if (!article.IsOpenAt(now, Limits.CloseAfterDays)) return new(403, Say.Closed);

        long? parent = null;
        if (parentId is { } pid)
        {
            var replyTo = await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == pid && c.ArticleId == articleId, ct);
            if (replyTo is null || replyTo.Status != CommentStatus.Published) return new(422, Say.NoSuchParent);
            // One level of replies: an answer to a reply joins the same thread.
            parent = replyTo.ParentId ?? replyTo.Id;
        }

        var clean = CommentText.Clean(text);
        if (TextProblem(clean) is { } problem) return problem;
        if (await RateProblemAsync(account.Id, address, now, ct) is { } tooMany) return tooMany;
        var last = await db.Comments.AsNoTracking().Where(c => c.AccountId == account.Id)
            .OrderByDescending(c => c.Id).Select(c => c.Text).FirstOrDefaultAsync(ct);
        if (last == clean) return new(422, Say.Duplicate);

        var verdict = await JudgeAsync(account.Id, articleId, clean, ct);
        if (verdict.Outcome == VerdictOutcome.Refuse) return Refused(verdict, account.Id, articleId);

        var comment = new Comment
        {
            ArticleId = articleId, AccountId = account.Id, ParentId = parent, Text = clean, CreatedAt = now, Address = address,
            Status = verdict.Outcome == VerdictOutcome.Hold ? CommentStatus.Held : CommentStatus.Published, Rule = verdict.Rule,
        };
        db.Add(comment);
        await db.SaveChangesAsync(ct);
        // Coalesced: on a hot article comments come in storms, and the page need not be rendered again for each. Its
        // author sees it at once all the same (signed in, they read past the page cache); other readers within a second.
        if (comment.IsPublic) await eviction.EvictCoalescedAsync(PageCache.DiscussionTag(articleId), ct);
        return comment.IsPublic ? new(201, Say.Published, comment) : new(202, Say.Held, comment);
    }

    public async Task<PostOutcome> EditAsync(Account account, long commentId, string? text, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (Refusal(account, now) is { } refusal) return refusal;
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId, ct);
        if (comment is null || comment.AccountId != account.Id) return new(404, Say.NoSuchComment);
        if (!comment.IsEditableAt(now)) return new(403, Say.EditWindowOver);
        var clean = CommentText.Clean(text);
        if (TextProblem(clean) is { } problem) return problem;

        var verdict = await JudgeAsync(account.Id, comment.ArticleId, clean, ct);
        if (verdict.Outcome == VerdictOutcome.Refuse) return Refused(verdict, account.Id, comment.ArticleId);
        var wasPublic = comment.IsPublic;
        comment.Text = clean;
        comment.EditedAt = now;
        // An edit can only keep a comment where it was or send it to the queue, never publish a held one.
        if (verdict.Outcome == VerdictOutcome.Hold) { comment.Status = CommentStatus.Held; comment.Rule = verdict.Rule; }
        await db.SaveChangesAsync(ct);
        if (wasPublic) await eviction.EvictAsync(ct, PageCache.DiscussionTag(comment.ArticleId));
        return comment.IsPublic ? new(200, Say.Edited, comment) : new(202, Say.Held, comment);
    }

    public async Task<PostOutcome> FlagAsync(Account account, long commentId, FlagReason reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId, ct);
        if (comment is null || comment.Status != CommentStatus.Published) return new(404, Say.NoSuchComment);
        if (comment.AccountId == account.Id) return new(422, Say.OwnComment);
        if (await db.CommentFlags.AnyAsync(f => f.CommentId == commentId && f.AccountId == account.Id, ct))
            return new(200, Say.Flagged, comment);
        db.Add(new CommentFlag { CommentId = commentId, AccountId = account.Id, Reason = reason, At = now });
        comment.FlagCount++;
        var held = comment.FlagCount >= Math.Max(1, Limits.FlagsToHold);
        if (held)
        {
            comment.Status = CommentStatus.Held;
            comment.Rule = $"flagged by {comment.FlagCount} readers";
        }
        await db.SaveChangesAsync(ct);
        if (held) await eviction.EvictAsync(ct, PageCache.DiscussionTag(comment.ArticleId));
        return new(200, Say.Flagged, comment);
    }

    /// <summary>
    /// A refused comment is never stored, so the log keeps which rule and which word refused it for a moderator
    /// asking why; the reader gets the rule's message only, which does not name the word (it would teach the way round).
    /// </summary>
    private PostOutcome Refused(Verdict verdict, string accountId, int articleId)
    {
        log.LogInformation("Comment by {Account} on article {Article} refused: {Rule}", accountId, articleId, verdict.Rule);
        return new(422, verdict.Message!);
    }

    private PostOutcome? Refusal(Account account, DateTime now)
    {
        if (BlockNotice(account, now) is { } blocked) return new(403, blocked);
        if (!account.EmailConfirmed) return new(403, Say.Unconfirmed);
        return null;
    }

    /// <summary>What a blocked reader is told, with the end of the block in the site's zone (the site shows no other), or null.</summary>
    public string? BlockNotice(Account account, DateTime now) =>
        !account.IsBlockedAt(now) ? null
        : account.BlockedUntil == DateTime.MaxValue ? Say.BlockedForGood
        : Say.BlockedUntil(site.FormatTime(account.BlockedUntil!.Value));

    /// <summary>
    /// The author takes their own comment down: the text goes at once (it is theirs to withdraw), the row stays
    /// as Deleted so replies under it and the moderators' record keep their place.
    /// </summary>
    public async Task<PostOutcome> WithdrawAsync(Account account, long commentId, CancellationToken ct)
    {
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId && c.AccountId == account.Id, ct);
        if (comment is null || comment.Status == CommentStatus.Deleted) return new(404, Say.NoSuchComment);
        var wasPublic = comment.IsPublic;
        comment.Status = CommentStatus.Deleted;
        comment.Rule = "deleted by its author";
        comment.Text = "";
        comment.ModeratedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        if (wasPublic) await eviction.EvictAsync(ct, PageCache.DiscussionTag(comment.ArticleId));
        return new(200, Say.Deleted, comment);
    }

    private PostOutcome? TextProblem(string clean)
    {
        var length = CommentText.Length(clean);
        if (length < Comment.TextMin) return new(422, Say.TooShort);
        if (clean.Length > Comment.TextMax) return new(422, Say.TooLong(length));
        return null;
    }

    private async Task<PostOutcome?> RateProblemAsync(string accountId, string address, DateTime now, CancellationToken ct)
    {
        var minute = now.AddMinutes(-1);
        var day = now.AddDays(-1);
        var recent = await RecentCounts(db, accountId, address, minute, day).FirstOrDefaultAsync(ct) ?? new(0, 0, 0, 0);
        var mine = db.Comments.Where(c => c.AccountId == accountId && c.CreatedAt > day);
        var here = db.Comments.Where(c => c.Address == address && c.CreatedAt > day);
        if (recent.MineInMinute >= Limits.PerMinute || recent.HereInMinute >= Limits.PerMinute)
            return new(429, Say.TooManyPerMinute(Limits.PerMinute), RetryAfter: await FreedAtAsync(mine, here, minute, Limits.PerMinute, ct) + TimeSpan.FromMinutes(1) - now);
        if (recent.MineInDay >= Limits.PerDay || recent.HereInDay >= Limits.PerDay)
            return new(429, Say.TooManyPerDay(Limits.PerDay), RetryAfter: await FreedAtAsync(mine, here, day, Limits.PerDay, ct) + TimeSpan.FromDays(1) - now);
        return null;
    }

    /// <summary>
    /// The account's comments and the address's since <paramref name="day"/>, and of those since <paramref name="minute"/>,
    /// in one round trip (each post asks; on PostgreSQL four counts were four): through the account's and the address's
    /// indexes, each read from the day's start.
    /// </summary>
    public static IQueryable<RecentComments> RecentCounts(BroadsheetDb db, string accountId, string address, DateTime minute, DateTime day) =>
        db.Comments
            .Where(c => (c.AccountId == accountId && c.CreatedAt > day) || (c.Address == address && c.CreatedAt > day))
            .GroupBy(c => 1)
            .Select(g => new RecentComments(
                g.Count(c => c.AccountId == accountId && c.CreatedAt > minute),
                g.Count(c => c.Address == address && c.CreatedAt > minute),
                g.Count(c => c.AccountId == accountId),
                g.Count(c => c.Address == address)));

    public sealed record RecentComments(int MineInMinute, int HereInMinute, int MineInDay, int HereInDay);

    /// <summary>
    /// When the window has room again: the limit-th newest comment since <paramref name="since"/>, for
    /// whichever of the account and the address is full, leaves the window that long after it was made.
    /// </summary>
    private static async Task<DateTime> FreedAtAsync(IQueryable<Comment> mine, IQueryable<Comment> here, DateTime since, int limit, CancellationToken ct)
    {
        async Task<DateTime?> Of(IQueryable<Comment> comments) => await comments.Where(c => c.CreatedAt > since)
            .OrderByDescending(c => c.CreatedAt).Skip(Math.Max(0, limit - 1)).Select(c => (DateTime?)c.CreatedAt).FirstOrDefaultAsync(ct);
        var (a, b) = (await Of(mine), await Of(here));
        return a is { } x && b is { } y ? (x > y ? x : y) : a ?? b ?? since;
    }

    private async Task<Verdict> JudgeAsync(string accountId, int articleId, string text, CancellationToken ct)
    {
        var book = await ruleBooks.CurrentAsync(ct);
        // The site's own links are the public address's (or, before it is known, the listening address's), never
        // the host the poster's request named: that would let anyone make their own site "ours" with one header.
        var ownHost = new Uri(publicOrigin.ForPages).Host;
        var verdict = book.Check(text, ownHost.ToLowerInvariant(), Say.ThirdPartyLink, Say.BreaksRules);
        if (verdict.Outcome != VerdictOutcome.Publish) return verdict;

        if (await db.ArticleCommentPolicies.AnyAsync(p => p.ArticleId == articleId && p.HoldAll, ct))
            return Verdict.Hold("article: every comment held");
        var approved = await db.Comments.CountAsync(c => c.AccountId == accountId && c.Status == CommentStatus.Published, ct);
        if (approved < Limits.PreModerationApprovals) return Verdict.Hold("pre-moderation: new account");

        var recent = await db.Comments.Where(c => c.AccountId == accountId && c.Status != CommentStatus.Held)
            .OrderByDescending(c => c.Id).Take(Math.Max(1, Limits.RecentForFallback)).Select(c => c.Status).ToListAsync(ct);
        var turnedDown = recent.Count(s => s is CommentStatus.Rejected or CommentStatus.Deleted);
        if (turnedDown >= 2 && turnedDown >= recent.Count * Limits.RejectedShareForFallback)
            return Verdict.Hold("pre-moderation: recent comments often rejected");
        return Verdict.Publish;
    }
}
