using System.Security.Claims;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Comments;
using Broadsheet.Features.Newsroom.Articles;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Workflow;

/// <summary>
/// What the newsroom's front page opens on: the work waiting for this person. Editors see every
/// submission, an author their own; scheduled today is by the site's calendar, not UTC's.
/// </summary>
public sealed class WhatNeedsYou(BroadsheetDb db, SiteContext site, TimeProvider clock)
{
    public const int Shown = 10;

    public sealed record Item(int Id, string Title, DateTime? At);

    public sealed record Desk(List<Item> InReview, int InReviewCount, List<Item> ScheduledToday, int ScheduledTodayCount,
        List<Item> AssignedToMe, int AssignedToMeCount, int? OpenTypoReports, int? HeldComments);

    public async Task<Desk> ForAsync(ClaimsPrincipal user, int? openTypoReports, CancellationToken ct)
    {
        var me = ArticleDesk.AccountId(user);
        var inReview = db.Articles.Where(a => a.Status == ArticleStatus.InReview);
        if (!user.IsInAny(StaffRoles.Editors)) inReview = inReview.Where(a => a.Authors.Any(x => x.Author.AccountId == me));

        var today = site.LocalDate(clock.GetUtcNow().UtcDateTime);
        var from = site.ToUtc(today.ToDateTime(TimeOnly.MinValue));
        var to = site.ToUtc(today.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var scheduled = db.Articles.Where(a => a.Status == ArticleStatus.Scheduled && a.PublishedAt >= from && a.PublishedAt < to);

        var assigned = from a in db.Articles
                       join x in db.ArticleAssignments on a.Id equals x.ArticleId
                       where x.AccountId == me && a.Status != ArticleStatus.Published
                       select a;

        return new Desk(
            await Items(inReview.OrderBy(a => a.Id)).ToListAsync(ct), await inReview.CountAsync(ct),
            await Items(scheduled.OrderBy(a => a.PublishedAt)).ToListAsync(ct), await scheduled.CountAsync(ct),
            await Items(assigned.OrderByDescending(a => a.Id)).ToListAsync(ct), await assigned.CountAsync(ct),
            openTypoReports,
            user.IsInAny(StaffRoles.Moderators) ? await db.Comments.CountAsync(c => c.Status == CommentStatus.Held, ct) : null);
    }

    private static IQueryable<Item> Items(IQueryable<Article> articles) =>
        articles.AsNoTracking().Take(Shown).Select(a => new Item(a.Id, a.Title, a.PublishedAt));
}
