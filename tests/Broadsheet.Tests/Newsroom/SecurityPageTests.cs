using System.Net;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Newsroom;

/// <summary>Opening a staff screen reads; only a button changes anything.</summary>
public sealed class SecurityPageTests : IDisposable
{
    private readonly BroadsheetApp app = new();

    public void Dispose() => app.Dispose();

    private Task<(string? Security, string? Concurrency, string? Key)> StampsAsync(Account account) =>
        app.WithDbAsync(async db =>
        {
            var u = await db.Users.AsNoTracking().SingleAsync(x => x.Id == account.Id);
            var key = await db.UserTokens.AsNoTracking().Where(t => t.UserId == account.Id && t.Name == "AuthenticatorKey").Select(t => t.Value).SingleOrDefaultAsync();
            return (u.SecurityStamp, u.ConcurrencyStamp, key);
        });

    [Fact]
    public async Task Opening_the_security_page_leaves_the_account_as_it_was()
    {
        var account = await app.AccountAsync(StaffRoles.Editor);
        var client = await app.SignedInAsync(account);
        var before = await StampsAsync(account);

        var first = await client.GetDocumentAsync("/newsroom/security");
        await client.GetDocumentAsync("/newsroom/security");

        Assert.Equal(before, await StampsAsync(account));
        Assert.Null(before.Key);
        Assert.Null(first.QuerySelector("[data-authenticator-key]"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/newsroom")).StatusCode);
    }

    [Fact]
    public async Task The_set_up_button_makes_the_key_the_page_then_shows_every_time()
    {
        var account = await app.AccountAsync(StaffRoles.Author);
        var client = await app.SignedInAsync(account);

        using var made = await client.SubmitAsync("/newsroom/security", "Key");
        var shown = (await client.GetDocumentAsync("/newsroom/security")).QuerySelector("[data-authenticator-key]")!.TextContent.Trim();
        var after = await StampsAsync(account);
        var again = (await client.GetDocumentAsync("/newsroom/security")).QuerySelector("[data-authenticator-key]")!.TextContent.Trim();

        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        Assert.Equal(after.Key, shown);
        Assert.Equal(shown, again);
        Assert.Equal(after, await StampsAsync(account));
    }

    [Fact]
    public async Task An_administrator_opening_every_staff_screen_changes_nothing()
    {
        var article = await new TestPublication(app).ArticleAsync("A story", status: ArticleStatus.Draft);
        var account = await app.AccountAsync(StaffRoles.Admin);
        var admin = await app.SignedInAsync(account);
        var before = await StampsAsync(account);
        var audit = await app.WithDbAsync(db => db.AuditLog.CountAsync());
        var version = await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).Select(a => a.Version).SingleAsync());

        foreach (var path in new[]
        {
            "/newsroom", "/newsroom/security", "/newsroom/articles/new", $"/newsroom/articles/{article.Id}", $"/newsroom/articles/{article.Id}/revisions",
            "/newsroom/taxonomy/rubrics", "/newsroom/taxonomy/tags", "/newsroom/taxonomy/authors", "/newsroom/staff", "/newsroom/settings",
            "/newsroom/audit", "/newsroom/newsletter", "/newsroom/typo-reports", "/newsroom/media", "/newsroom/moderation", "/newsroom/moderation/rules",
        })
            await admin.GetDocumentAsync(path);

        Assert.Equal(before, await StampsAsync(account));
        Assert.Equal(audit, await app.WithDbAsync(db => db.AuditLog.CountAsync()));
        Assert.Equal(version, await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).Select(a => a.Version).SingleAsync()));
    }
}
