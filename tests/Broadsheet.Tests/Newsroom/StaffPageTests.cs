using System.Net;
using Broadsheet.Features.Accounts;
using Broadsheet.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Newsroom;

/// <summary>Staff and readers on their own pages, invitations by mail, and bylines from the name a person was invited under.</summary>
public sealed class StaffPageTests : IDisposable
{
    private readonly LoopbackSmtpServer smtp = new();
    private readonly BroadsheetApp app = new();

    public StaffPageTests()
    {
        smtp.Configure(app);
        app.Settings["Broadsheet:PublicUrl"] = "https://news.test";
    }

    public void Dispose()
    {
        app.Dispose();
        smtp.Dispose();
    }

    private async Task<Account> PersonAsync(string role, string email, string name)
    {
        var account = await app.AccountAsync(role, email);
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == account.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, name)));
        return account;
    }

    /// <summary>Readers made straight in the store, without a password: hashing one per reader would only slow the test.</summary>
    private async Task ReadersAsync(int count, Func<int, string> name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        for (var i = 0; i < count; i++)
        {
            var email = $"reader{i:D3}@example.test";
            var account = new Account { UserName = email, Email = email, DisplayName = name(i), DisplayNameKey = DisplayNames.Key(name(i)) };
            Assert.True((await accounts.CreateAsync(account)).Succeeded);
            Assert.True((await accounts.AddToRoleAsync(account, StaffRoles.Reader)).Succeeded);
        }
    }

    [Fact]
    public async Task An_authors_first_article_is_bylined_with_their_name_not_their_mail_address()
    {
        var nina = await PersonAsync(StaffRoles.Author, "nina.k@paper.test", "Nina Author");
        var client = await app.SignedInAsync(nina);

        using var saved = await client.SubmitAsync("/newsroom/articles/new", "Save", ("Input.Title", "River floods the market"), ("Input.Body", "Water everywhere."));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var byline = await app.WithDbAsync(db => db.Authors.SingleAsync(a => a.AccountId == nina.Id));
        Assert.Equal(("Nina Author", "nina-author"), (byline.Name, byline.Slug));
        var bylined = await app.WithDbAsync(db => db.Articles.Where(a => a.Title == "River floods the market").SelectMany(a => a.Authors).Select(x => x.AuthorId).SingleAsync());
        Assert.Equal(byline.Id, bylined);
    }

    [Fact]
    public async Task An_invitation_is_mailed_with_the_setup_link_the_admin_also_sees()
    {
        var admin = await app.SignedInAsync(StaffRoles.Admin);

        using var invited = await admin.SubmitAsync("/newsroom/staff", "Invite",
            ("Invite.Email", "Pavel@Paper.test"), ("Invite.DisplayName", "Pavel Reporter"), ("Invite.Role", StaffRoles.Author));
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);

        var shown = (await admin.GetDocumentAsync("/newsroom/staff")).QuerySelector("[data-setup-link]")!.TextContent.Trim();
        Assert.StartsWith("https://news.test/account/setup?", shown, StringComparison.Ordinal);
        var mail = await smtp.WaitForMailToAsync("pavel@paper.test");
        Assert.Contains(shown, mail.Text, StringComparison.Ordinal);
        Assert.Contains("as author", mail.Text, StringComparison.Ordinal);
        // The byline is ready before the first article, under the name the admin typed.
        var pavel = await app.WithDbAsync(db => db.Users.Where(u => u.NormalizedEmail == "PAVEL@PAPER.TEST").Select(u => u.Id).SingleAsync());
        Assert.Equal("Pavel Reporter", await app.WithDbAsync(db => db.Authors.Where(a => a.AccountId == pavel).Select(a => a.Name).SingleAsync()));
    }

    [Fact]
    public async Task The_staff_page_lists_staff_and_no_readers()
    {
        await PersonAsync(StaffRoles.Editor, "editor@paper.test", "Olga Editor");
        await ReadersAsync(3, i => $"Reader {i}");
        var admin = await app.SignedInAsync(StaffRoles.Admin);

        var page = await admin.GetDocumentAsync("/newsroom/staff");

        var listed = page.QuerySelectorAll("tr[data-account]").Select(r => r.GetAttribute("data-account")).ToList();
        Assert.Contains("editor@paper.test", listed);
        Assert.DoesNotContain(listed, e => e!.StartsWith("reader", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Readers_have_their_own_page_with_search_and_paging()
    {
        await PersonAsync(StaffRoles.Editor, "aaa-editor@paper.test", "Olga Editor");
        await ReadersAsync(60, i => i == 42 ? "Zebra Crossing" : $"Reader {i}");
        var admin = await app.SignedInAsync(StaffRoles.Admin);

        var first = await admin.GetDocumentAsync("/newsroom/readers");
        var rows = first.QuerySelectorAll("tr[data-reader]").Select(r => r.GetAttribute("data-reader")!).ToList();
        Assert.Equal(50, rows.Count);
        Assert.DoesNotContain("aaa-editor@paper.test", rows);
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var second = (await admin.GetDocumentAsync(next)).QuerySelectorAll("tr[data-reader]").Select(r => r.GetAttribute("data-reader")!).ToList();
        Assert.Equal(10, second.Count);
        Assert.Empty(rows.Intersect(second));

        var found = await admin.GetDocumentAsync("/newsroom/readers?q=zebra");
        Assert.Equal(["reader042@example.test"], found.QuerySelectorAll("tr[data-reader]").Select(r => r.GetAttribute("data-reader")));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/newsroom/readers?q=" + new string('x', 200))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(StaffRoles.Editor)).GetAsync("/newsroom/readers")).StatusCode);
    }
}
