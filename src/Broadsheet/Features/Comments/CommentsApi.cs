using System.Security.Claims;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Comments;

/// <summary>
/// GET and POST /api/articles/{articleId}/comments, plus edits and flags: the same desk as the page.
/// Antiforgery comes as the RequestVerificationToken header, from GET /api/comments/token, which is
/// never cached because the token belongs to one reader.
/// </summary>
public static class CommentsApi
{
    private const int MaxBodyBytes = 64 * 1024;

    public sealed record CommentForm(string? Text, long? ParentId);
    public sealed record FlagForm(FlagReason Reason);
    public sealed record Answer(string Message, long? Id = null, string? Status = null);

    public static IEndpointRouteBuilder MapCommentsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/articles/{articleId:int}/comments", ListAsync);
        app.MapPost("/api/articles/{articleId:int}/comments", PostAsync);
        app.MapPut("/api/comments/{id:long}", EditAsync);
        app.MapPost("/api/comments/{id:long}/flags", FlagAsync);
        app.MapDelete("/api/comments/{id:long}", WithdrawAsync);
        app.MapGet("/api/comments/token", Token);
        return app;
    }

    private static async Task<IResult> ListAsync(int articleId, int? page, BroadsheetDb db, CommentOptions options, TimeProvider clock, CancellationToken ct)
    {
        if (page < 1) return Results.BadRequest();
        // The same rule as the page: a draft's or an unpublished article's discussion is nobody's business yet.
        if (!await db.Articles.VisibleAt(clock.GetUtcNow().UtcDateTime).AnyAsync(a => a.Id == articleId, ct)) return Results.NotFound();
        var shown = await CommentThread.LoadAsync(db, articleId, page ?? 1, options.PageSize, ct);
        if (shown.Page != (page ?? 1)) return Results.NotFound();
        return Results.Json(new
        {
            shown.Count, shown.Page, shown.Pages,
            Comments = shown.Threads.Select(t => new { t.Comment.Id, t.Comment.Author, t.Comment.Text, t.Comment.CreatedAt, t.Comment.EditedAt, t.Replies }),
        });
    }

    /// <summary>
    /// Everything personal about the discussion, for the script on the cached article page: the token, who is
    /// writing, why they may not (blocked, unconfirmed), and, with <paramref name="article"/>, their comments
    /// still waiting for a moderator, which the script shows in place to them alone.
    /// </summary>
    private static async Task<IResult> Token(int? article, HttpContext context, IAntiforgery antiforgery, UserManager<Account> accounts,
        BroadsheetDb db, CommentDesk desk, TimeProvider clock, SiteContext site, CancellationToken ct)
    {
        context.Response.Headers.CacheControl = "no-store";
        var tokens = antiforgery.GetAndStoreTokens(context);
        var account = context.User.Identity?.IsAuthenticated == true ? await accounts.GetUserAsync(context.User) : null;
        var say = CommentMessages.For(site);
        var blocked = account is null ? null : desk.BlockNotice(account, clock.GetUtcNow().UtcDateTime);
        var waiting = account is null || article is null ? []
            : await db.Comments.AsNoTracking().Where(c => c.ArticleId == article && c.AccountId == account.Id && c.Status == CommentStatus.Held)
                .OrderBy(c => c.Id).Select(c => new { c.Id, c.ParentId, c.Text, c.CreatedAt }).ToListAsync(ct);
        return Results.Json(new
        {
            token = tokens.RequestToken, signedIn = account is not null, name = account?.DisplayName,
            blocked = blocked is null ? null : $"{say.BlockedWhy} {blocked}",
            unconfirmed = account is { EmailConfirmed: false } ? say.Unconfirmed : null,
            waiting = waiting.Select(w => new { w.Id, w.ParentId, w.Text, at = site.FormatTime(w.CreatedAt) }),
        });
    }

    private static async Task<IResult> WithdrawAsync(long id, HttpContext context, CommentDesk desk, UserManager<Account> accounts, IAntiforgery antiforgery, SiteContext site)
    {
        var (account, refusal) = await CallerAsync(context, accounts, antiforgery, CommentMessages.For(site));
        if (refusal is not null) return refusal;
        return Answered(await desk.WithdrawAsync(account!, id, context.RequestAborted));
    }

    private static async Task<IResult> PostAsync(int articleId, HttpContext context, CommentDesk desk, UserManager<Account> accounts, IAntiforgery antiforgery, SiteContext site)
    {
        var say = CommentMessages.For(site);
        var (account, refusal) = await CallerAsync(context, accounts, antiforgery, say);
        if (refusal is not null) return refusal;
        var (form, problem) = await CommentAsync(context, say);
        if (problem is not null) return problem;
        if (form!.Text is { Length: > Comment.TextMax * 4 }) return Answered(new PostOutcome(413, say.TooLong(form.Text.Length)));
        var outcome = await desk.PostAsync(account!, articleId, form.ParentId, form.Text, Address(context), context.RequestAborted);
        outcome.Stamp(context.Response);
        return Answered(outcome);
    }

    private static async Task<IResult> EditAsync(long id, HttpContext context, CommentDesk desk, UserManager<Account> accounts, IAntiforgery antiforgery, SiteContext site)
    {
        var say = CommentMessages.For(site);
        var (account, refusal) = await CallerAsync(context, accounts, antiforgery, say);
        if (refusal is not null) return refusal;
        var (form, problem) = await CommentAsync(context, say);
        if (problem is not null) return problem;
        return Answered(await desk.EditAsync(account!, id, form!.Text, context.RequestAborted));
    }

    private static async Task<IResult> FlagAsync(long id, HttpContext context, CommentDesk desk, UserManager<Account> accounts, IAntiforgery antiforgery, SiteContext site)
    {
        var say = CommentMessages.For(site);
        var (account, refusal) = await CallerAsync(context, accounts, antiforgery, say);
        if (refusal is not null) return refusal;
        var (form, _) = await JsonBody.ReadAsync<FlagForm>(context.Request, MaxBodyBytes);
        if (form is null || !Enum.IsDefined(form.Reason)) return Answered(new PostOutcome(400, say.NotUnderstood));
        return Answered(await desk.FlagAsync(account!, id, form.Reason, context.RequestAborted));
    }

    public static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static IResult Answered(PostOutcome outcome) =>
        Results.Json(new Answer(outcome.Message, outcome.Comment?.Id, outcome.Comment?.Status.ToString()), statusCode: outcome.Status);

    private static async Task<(Account?, IResult?)> CallerAsync(HttpContext context, UserManager<Account> accounts, IAntiforgery antiforgery, CommentMessages say)
    {
        if (context.User.Identity?.IsAuthenticated != true || await accounts.GetUserAsync(context.User) is not { } account)
            return (null, Answered(new PostOutcome(401, say.SignInFirst)));
        if (!await antiforgery.IsRequestValidAsync(context)) return (null, Answered(new PostOutcome(400, say.BadToken)));
        return (account, null);
    }

    /// <summary>A comment, new or edited; a body past the cap is answered as too long rather than read on: nothing that long is a comment.</summary>
    private static async Task<(CommentForm?, IResult?)> CommentAsync(HttpContext context, CommentMessages say)
    {
        var (form, tooLarge) = await JsonBody.ReadAsync<CommentForm>(context.Request, MaxBodyBytes);
        if (tooLarge) return (null, Answered(new PostOutcome(413, say.TooLong(Comment.TextMax * 4 + 1))));
        if (form is null) return (null, Answered(new PostOutcome(400, say.NotUnderstood)));
        return (form, null);
    }
}
