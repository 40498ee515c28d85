using System.Security.Claims;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Articles.History;
using Broadsheet.Features.Audit;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Caching;
using Broadsheet.Infrastructure.Data;
using Broadsheet.Infrastructure.Data.Faults;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Live;

/// <summary>
/// Every change to a live article's entries: the entry and its audit line are saved together under the article's
/// next change number; then the article's page leaves the cache on every node and open pages hear of it (<see cref="LiveWire"/>).
/// </summary>
public sealed class LiveDesk(BroadsheetDb db, ArticleBody markdown, AuditLog audit, ArticleHistory history, CacheEviction eviction,
    LiveWire wire, LiveOpenings openings, SiteContext site, PublicOrigin origin, TimeProvider clock, ILogger<LiveDesk> log)
{
    public static class Actions
    {
        public const string Start = "live-start", Close = "live-close", Post = "live-post", Edit = "live-edit",
            Delete = "live-delete", Pin = "live-pin", Unpin = "live-unpin";
    }

    public Task<List<LiveEntry>> EntriesAsync(int articleId, CancellationToken ct) =>
        db.LiveEntries.AsNoTracking().Where(e => e.ArticleId == articleId && !e.IsDeleted)
            .OrderByDescending(e => e.PostedAt).ThenByDescending(e => e.Id).ToListAsync(ct);

    public async Task<long> LatestChangeAsync(int articleId, CancellationToken ct) =>
        await db.LiveEntries.Where(e => e.ArticleId == articleId).MaxAsync(e => (long?)e.Change, ct) ?? 0;

    /// <returns>Null when the text is missing or too long (the caller says so); the entry otherwise.</returns>
    public async Task<LiveEntry?> PostAsync(int articleId, ClaimsPrincipal by, string authorName, string? headline, string body, bool keyEvent, CancellationToken ct)
    {
        if (Invalid(headline, body)) return null;
        var entry = new LiveEntry
        {
            ArticleId = articleId,
            PostedAt = clock.GetUtcNow().UtcDateTime,
            AuthorAccountId = by.FindFirstValue(ClaimTypes.NameIdentifier),
            AuthorName = authorName.Length > 150 ? authorName[..150] : authorName,
            Headline = Tidy(headline),
            Body = body.Trim(),
            BodyHtml = markdown.Render(body.Trim()),
            IsKeyEvent = keyEvent,
        };
        db.LiveEntries.Add(entry);
        await CommitAsync(entry, by, Actions.Post, ct);
        return entry;
    }

    public async Task<LiveEntry?> EditAsync(int entryId, ClaimsPrincipal by, string? headline, string body, CancellationToken ct)
    {
        if (Invalid(headline, body)) return null;
        var entry = await db.LiveEntries.FirstOrDefaultAsync(e => e.Id == entryId && !e.IsDeleted, ct);
        if (entry is null) return null;
        entry.Headline = Tidy(headline);
        entry.Body = body.Trim();
        entry.BodyHtml = markdown.Render(entry.Body);
        entry.EditedAt = clock.GetUtcNow().UtcDateTime;
        await CommitAsync(entry, by, Actions.Edit, ct);
        return entry;
    }

    public async Task<LiveEntry?> DeleteAsync(int entryId, ClaimsPrincipal by, CancellationToken ct)
    {
        var entry = await db.LiveEntries.FirstOrDefaultAsync(e => e.Id == entryId && !e.IsDeleted, ct);
        if (entry is null) return null;
        entry.IsDeleted = true;
        entry.IsKeyEvent = false;
        await CommitAsync(entry, by, Actions.Delete, ct);
        return entry;
    }

    public async Task<LiveEntry?> PinAsync(int entryId, bool keyEvent, ClaimsPrincipal by, CancellationToken ct)
    {
        var entry = await db.LiveEntries.FirstOrDefaultAsync(e => e.Id == entryId && !e.IsDeleted, ct);
        if (entry is null || entry.IsKeyEvent == keyEvent) return entry;
        entry.IsKeyEvent = keyEvent;
        await CommitAsync(entry, by, keyEvent ? Actions.Pin : Actions.Unpin, ct);
        return entry;
    }

    /// <summary>Starting or closing coverage is a change to the article itself, so it goes through its history.</summary>
    public async Task SetStateAsync(Article article, LiveState state, ClaimsPrincipal by, CancellationToken ct)
    {
        if (article.Live == state) return;
        article.Live = state;
        await history.RecordAsync(article, new ArticleEdit(by)
        {
            Audit = state == LiveState.Closed ? Actions.Close : Actions.Start,
        }, ct);
        // This node's readers see the change at once; the other nodes' within their second of memory.
        openings.Forget(article.Id);
    }

    private static bool Invalid(string? headline, string body) =>
        string.IsNullOrWhiteSpace(body) || body.Length > LiveEntry.MaxBody || headline?.Trim().Length > LiveEntry.MaxHeadline;

    private static string? Tidy(string? headline) => string.IsNullOrWhiteSpace(headline) ? null : headline.Trim();

    /// <summary>
    /// Takes the article's next change number and saves. Two staff saving at the same moment may both take it;
    /// the unique index turns one away, and that one takes the number after (up to MaxAttempts tries, then the error stands).
    /// </summary>
    private const int MaxAttempts = 20;

    private async Task CommitAsync(LiveEntry entry, ClaimsPrincipal by, string action, CancellationToken ct)
    {
        audit.Record(by, action, entry.ArticleId, details: LiveEntryHtml.KeyEventTitle(entry));
        for (var attempt = 1; ; attempt++)
        {
            entry.Change = 1 + (await db.LiveEntries.Where(e => e.ArticleId == entry.ArticleId).MaxAsync(e => (long?)e.Change, ct) ?? 0);
            try
            {
                await db.SaveChangesAsync(ct);
                break;
            }
            catch (DbUpdateException e) when (attempt < MaxAttempts && DuplicateKey.IsViolation(e))
            {
                // Each round one of the savers wins, so a desk of MaxAttempts reporters posting at the same instant all get through.
                await Task.Delay(Random.Shared.Next(5, 40), ct);
                log.LogInformation("Live entry change {Change} of article {ArticleId} was taken by another save; taking the next", entry.Change, entry.ArticleId);
            }
        }
        // Only the article's own page shows entries: listings, search and channels follow the article, not each entry.
        await eviction.EvictAsync(ct, PageCache.ArticleTag(entry.ArticleId));
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == entry.ArticleId)
            .Select(a => new { a.PublishedAt, a.Slug }).FirstAsync(ct);
        await wire.SendAsync(entry.ArticleId, LiveUpdate.Of(entry, new LiveEntryHtml(site, PageUrl(article.PublishedAt, article.Slug))));
    }

    public string PageUrl(DateTime? publishedAt, string slug) =>
        publishedAt is { } at ? origin.ForPages + ArticleUrl.For(site, at, slug) : "";
}
