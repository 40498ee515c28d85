using Broadsheet.Features.Accounts;
using Broadsheet.Features.Newsletter;
using Broadsheet.Infrastructure.Data;
using Broadsheet.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Comments;

/// <summary>
/// GET /account/data: everything the site keeps about the signed-in reader, as one JSON file (the right of
/// access and to portability: 152-FZ art. 14, GDPR arts. 15 and 20). Comments live here, so the download does too.
/// The addresses comments came from are left out: they serve the rate limit, not the reader's record.
/// Newsletter subscriptions are kept by address, not by account, so they are found by the account's address.
/// </summary>
public static class ReaderDataExport
{
    public static IEndpointRouteBuilder MapReaderData(this IEndpointRouteBuilder app)
    {
        app.MapGet("/account/data", DownloadAsync);
        return app;
    }

    private static async Task<IResult> DownloadAsync(HttpContext context, UserManager<Account> accounts, BroadsheetDb db, TimeProvider clock, CancellationToken ct)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (await accounts.GetUserAsync(context.User) is not { } account) return Results.Challenge();
        var comments = await (from c in db.Comments.AsNoTracking()
                              join a in db.Articles.AsNoTracking() on c.ArticleId equals a.Id
                              where c.AccountId == account.Id
                              orderby c.Id
                              select new { c.Id, Article = a.Title, c.ArticleId, c.ParentId, c.Text, Status = c.Status.ToString(), c.CreatedAt, c.EditedAt })
            .ToListAsync(ct);
        var reports = await db.CommentFlags.AsNoTracking().Where(f => f.AccountId == account.Id).OrderBy(f => f.Id)
            .Select(f => new { f.CommentId, Reason = f.Reason.ToString(), f.At }).ToListAsync(ct);
        var address = MailAddresses.Normalise(account.Email ?? "");
        var subscriptions = await db.Subscribers.AsNoTracking().Where(s => s.Email == address).OrderBy(s => s.Id)
            .Select(s => new
            {
                s.Email, State = s.State.ToString(), Frequency = s.Frequency.ToString(), s.BreakingAlerts,
                Rubrics = s.Rubrics.Select(r => db.Rubrics.Where(x => x.Id == r.RubricId).Select(x => x.Name).FirstOrDefault()).ToList(),
                s.CreatedAt, s.ConfirmedAt, s.UnsubscribedAt, s.LastMailedAt,
            }).ToListAsync(ct);
        var data = new
        {
            exportedAt = clock.GetUtcNow().UtcDateTime,
            account = new
            {
                account.DisplayName, account.Email, account.EmailConfirmed, account.CreatedAt,
                account.ConsentedAt, account.ConsentVersion, account.BlockedUntil,
            },
            comments, reports,
            newsletter = subscriptions,
        };
        context.Response.Headers.ContentDisposition = "attachment; filename=\"my-data.json\"";
        return Results.Json(data, contentType: "application/json; charset=utf-8");
    }
}
