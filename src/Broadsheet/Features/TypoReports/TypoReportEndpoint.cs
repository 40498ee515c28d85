using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using static Broadsheet.Features.TypoReports.TypoReportAnswer;

namespace Broadsheet.Features.TypoReports;

/// <summary>
/// POST /api/typo-reports. Accepts a report only for text that is really in the article as readers
/// see it now, so nothing can be reported against words that are not there, and folds a report
/// identical to one already waiting into it.
/// </summary>
public static class TypoReportEndpoint
{
    private const int MaxBodyBytes = 16 * 1024;

    public static async Task<IResult> PostAsync(HttpContext context, BroadsheetDb db, SiteContext site, PublicOrigin publicOrigin, TimeProvider clock)
    {
        var text = TypoReportText.For(site);
        var ct = context.RequestAborted;
        if (!SameOrigin.Allows(context.Request, publicOrigin)) return Refuse(text.WrongSite, StatusCodes.Status403Forbidden);
        if (!context.Request.HasJsonContentType()) return Refuse(text.NotUnderstood);

        // A body past the cap is not understood either: a real report is a few hundred bytes.
        var (form, _) = await JsonBody.ReadAsync<TypoReportForm>(context.Request, MaxBodyBytes);
        if (form is null) return Refuse(text.NotUnderstood);
        if (form.Problem(text) is { } problem) return Refuse(problem);

        var now = clock.GetUtcNow().UtcDateTime;
        var article = await db.Articles.AsNoTracking().VisibleAt(now).FirstOrDefaultAsync(a => a.Id == form.ArticleId, ct);
        if (article is null) return Refuse(text.ArticleNotFound, StatusCodes.Status404NotFound);

        var fragment = form.Fragment!;
        var before = form.Before ?? "";
        var after = form.After ?? "";
        if (!ReaderText.Contains(article, before, fragment, after)) return Refuse(text.NotInText);

        var suggestion = ReaderText.Normalise(form.Suggestion);
        var comment = form.Comment?.Trim() ?? "";
        // A dismissed report stays dismissed when another reader sends it again; it only counts them.
        var same = await db.TypoReports
            .Where(r => r.ArticleId == article.Id && r.Fragment == fragment && r.Before == before && r.After == after
                && r.Suggestion == suggestion && (r.Status == TypoReportStatus.Open || r.Status == TypoReportStatus.Dismissed))
            .OrderBy(r => r.Id).FirstOrDefaultAsync(ct);
        if (same is not null) same.ReportedAgain(comment, now);
        else
        {
            same = new TypoReport
            {
                ArticleId = article.Id, Fragment = fragment, Before = before, After = after,
                Suggestion = suggestion, Comment = comment, CreatedAt = now, LastReportedAt = now,
            };
            db.Add(same);
        }
        await db.SaveChangesAsync(ct);
        return Results.Json(new Accepted(text.Thanks, same.Count), statusCode: StatusCodes.Status202Accepted);
    }
}
