using System.Net;
using Broadsheet.Features.Accounts;
using Broadsheet.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Newsroom;

public sealed class AccountTests : IDisposable
{
    private readonly BroadsheetApp app = new();

    public void Dispose() => app.Dispose();

    private string SetupLink()
    {
        _ = app.Services; // starts the app, and with it the first-start check
        var line = app.Log.Lines.Single(l => l.Contains("/account/setup?"));
        return line[line.IndexOf("/account/setup?", StringComparison.Ordinal)..].Split(' ')[0];
    }

    [Fact]
    public async Task First_start_creates_the_admin_without_a_password_and_logs_a_one_time_link()
    {
        app.Settings["Broadsheet:AdminEmail"] = "chief@paper.test";
        var link = SetupLink();
        var admin = await app.WithDbAsync(db => db.Users.SingleAsync());
        Assert.Equal(("chief@paper.test", (string?)null), (admin.Email, admin.PasswordHash));

        var client = app.Reader();
        using var set = await client.SubmitAsync(link, null, ("Input.Password", "a long enough secret"), ("Input.Confirm", "a long enough secret"));
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/newsroom/staff")).StatusCode);

        // Spent: the same link cannot set a password again.
        var again = app.Reader();
        using var reused = await again.SubmitAsync(link, null, ("Input.Password", "another long secret"), ("Input.Confirm", "another long secret"));
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("already been used", (await reused.ParseAsync()).QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("/newsroom")).StatusCode);
    }

    [Fact]
    public async Task No_new_admin_or_link_once_an_admin_has_a_password()
    {
        await app.AccountAsync(StaffRoles.Admin);
        var before = app.Log.Lines.Count(l => l.Contains("/account/setup?"));
        using var second = app.Restart();
        _ = second.Services;
        Assert.DoesNotContain(second.Log.Lines, l => l.Contains("/account/setup?"));
        Assert.Equal(1, before);
        Assert.Equal(2, await second.WithDbAsync(db => db.Users.CountAsync()));
    }

    // Five wrong passwords used to lock the account for fifteen minutes, which let anyone lock out
    // anyone, the administrator included. They now slow further guesses (AccountThrottleTests) and the
    // right password still works.
    [Fact]
    public async Task Five_wrong_passwords_do_not_lock_the_account()
    {
        var account = await app.AccountAsync(StaffRoles.Editor);
        var client = app.Reader();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await client.SubmitAsync("/account/sign-in", null, ("Input.Email", account.Email), ("Input.Password", "not the password"));
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        app.Clock.Advance(TimeSpan.FromSeconds(2));
        using var right = await client.SubmitAsync("/account/sign-in", null, ("Input.Email", account.Email), ("Input.Password", Staff.Password));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/newsroom")).StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Id == account.Id).Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task Signs_out_with_a_post()
    {
        var client = await app.SignedInAsync(StaffRoles.Editor);
        await client.GetAsync("/account/sign-out");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/newsroom")).StatusCode);

        var form = (await client.GetDocumentAsync("/newsroom")).QuerySelector("form.newsroom-bar__out")!;
        using var signedOut = await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(Forms.Fields(form)));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/newsroom")).StatusCode);
    }

    [Fact]
    public async Task An_admin_invites_staff_who_set_a_password_and_sign_in_with_their_role()
    {
        app.Settings["Broadsheet:PublicUrl"] = "https://paper.test";
        var admin = await app.SignedInAsync(StaffRoles.Admin);
        using var invited = await admin.SubmitAsync("/newsroom/staff", "Invite",
            ("Invite.Email", "reporter@paper.test"), ("Invite.DisplayName", "Rita Reporter"), ("Invite.Role", StaffRoles.Author));
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var staffPage = await admin.GetDocumentAsync("/newsroom/staff");
        var shown = new Uri(staffPage.QuerySelector("[data-setup-link]")!.TextContent.Trim());
        Assert.Equal("https://paper.test", shown.GetLeftPart(UriPartial.Authority));
        var link = shown.PathAndQuery;

        var newcomer = app.Reader();
        using var set = await newcomer.SubmitAsync(link, null, ("Input.Password", "reporter's own secret"), ("Input.Confirm", "reporter's own secret"));
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync("/newsroom/articles/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await newcomer.GetAsync("/newsroom/staff")).StatusCode);
        Assert.Contains(await app.WithDbAsync(db => db.AuditLog.ToListAsync()), e => e.Action == "invite" && e.Details.Contains("reporter@paper.test"));
    }

    [Fact]
    public async Task An_admin_changes_a_role_and_it_is_audited()
    {
        var admin = await app.SignedInAsync(StaffRoles.Admin);
        var author = await app.AccountAsync(StaffRoles.Author, "author@paper.test");
        var page = await admin.GetDocumentAsync("/newsroom/staff");
        var form = page.QuerySelectorAll("form[action*='handler=Role']").Single(f => f.QuerySelector($"input[value='{author.Id}']") is not null);
        var fields = Forms.Fields(form);
        fields.RemoveAll(f => f.Key == "role");
        fields.Add(new("role", StaffRoles.Editor));
        using var response = await admin.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        Assert.Equal([StaffRoles.Editor], await accounts.GetRolesAsync((await accounts.FindByIdAsync(author.Id))!));
        var entry = await app.WithDbAsync(db => db.AuditLog.SingleAsync(e => e.Action == "role-change"));
        Assert.Equal((author.Id, "author@paper.test: Author → Editor"), (entry.AccountId, entry.Details));
    }
}
