using System.Globalization;
using System.Net;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Newsroom.Articles;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Newsroom.Workflow;

/// <summary>Who hears of a step, by mail through the outbox and under the newsroom's bell.</summary>
public sealed class NotificationTests : IDisposable
{
    private readonly LoopbackSmtpServer smtp = new();
    private readonly BroadsheetApp app = new();

    public NotificationTests()
    {
        smtp.Configure(app);
        app.Settings["Broadsheet:PublicUrl"] = "https://news.test";
    }

    public void Dispose()
    {
        app.Dispose();
        smtp.Dispose();
    }

    private static int IdOf(string path) => int.Parse(path.Split('/')[^1], CultureInfo.InvariantCulture);

    private async Task<(HttpClient Client, Account Account)> StaffAsync(string role)
    {
        var account = await app.AccountAsync(role);
        return (await app.SignedInAsync(account), account);
    }

    private static async Task<string> DraftAsync(HttpClient author, string title)
    {
        using var created = await author.SubmitAsync("/newsroom/articles/new", "Save", ("Input.Title", title), ("Input.Body", "First paragraph."));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return created.Headers.Location!.OriginalString;
    }

    private static async Task StepAsync(HttpClient client, string path, string handler, params (string, string?)[] values)
    {
        using var response = await client.SubmitAsync(path, handler, values);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task A_submission_reaches_every_editor_by_mail_and_under_the_bell_but_not_its_author()
    {
        var (author, authorAccount) = await StaffAsync(StaffRoles.Author);
        var (editor, editorAccount) = await StaffAsync(StaffRoles.Editor);
        var path = await DraftAsync(author, "Bridge reopens");

        await StepAsync(author, path, "Submit");

        var mail = await smtp.WaitForMailToAsync(editorAccount.Email!);
        Assert.Contains("Bridge reopens", mail.Message.Subject);
        Assert.Contains($"https://news.test/newsroom/articles/{IdOf(path)}", mail.Text);
        Assert.Contains("submitted", mail.Text);
        Assert.Empty(smtp.To(authorAccount.Email!));

        var bar = await editor.GetDocumentAsync("/newsroom");
        Assert.Equal("1", bar.QuerySelector(".newsroom-bar__bell")!.GetAttribute("data-unread"));
        Assert.Equal("0", (await author.GetDocumentAsync("/newsroom")).QuerySelector(".newsroom-bar__bell")!.GetAttribute("data-unread"));

        var list = await editor.GetDocumentAsync("/newsroom/notifications");
        var item = Assert.Single(list.QuerySelectorAll(".desk-notices__item"));
        Assert.Equal("true", item.GetAttribute("data-unread"));
        Assert.Contains("Bridge reopens", item.TextContent);

        using var opened = await editor.PostAsync(item.QuerySelector("form")!.GetAttribute("action")!,
            new FormUrlEncodedContent(Forms.Fields(item.QuerySelector("form")!)));
        Assert.Equal(path, opened.Headers.Location!.OriginalString);
        Assert.Equal("false", (await editor.GetDocumentAsync("/newsroom/notifications")).QuerySelector(".desk-notices__item")!.GetAttribute("data-unread"));
        Assert.Equal("0", (await editor.GetDocumentAsync("/newsroom")).QuerySelector(".newsroom-bar__bell")!.GetAttribute("data-unread"));
    }

    [Fact]
    public async Task Returned_with_a_note_the_author_gets_the_note_by_mail_and_sees_it_on_the_article()
    {
        var (author, authorAccount) = await StaffAsync(StaffRoles.Author);
        var (editor, _) = await StaffAsync(StaffRoles.Editor);
        var path = await DraftAsync(author, "Council vote");
        await StepAsync(author, path, "Submit");

        await StepAsync(editor, path, "Return", ("text", "Name the second councillor."));

        Assert.Equal(ArticleStatus.Draft, await app.WithDbAsync(db => db.Articles.Where(a => a.Id == IdOf(path)).Select(a => a.Status).SingleAsync()));
        var mail = await smtp.WaitForMailToAsync(authorAccount.Email!);
        Assert.Contains("Council vote", mail.Message.Subject);
        Assert.Contains("Name the second councillor.", mail.Text);
        var page = await author.GetDocumentAsync(path);
        Assert.Contains("Name the second councillor.", page.QuerySelector(".desk-notes")!.TextContent);
        var audit = await app.WithDbAsync(db => db.AuditLog.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["submit", "return-to-draft"], audit);
    }

    [Fact]
    public async Task Publication_and_schedule_tell_the_author_in_the_sites_language_with_the_time_in_its_zone()
    {
        await new TestPublication(app).SettingsAsync(s => { s.Language = "ru"; s.TimeZoneId = "Europe/Moscow"; s.TimeZoneLabel = "мск"; });
        var (author, authorAccount) = await StaffAsync(StaffRoles.Author);
        var (editor, _) = await StaffAsync(StaffRoles.Editor);
        var path = await DraftAsync(author, "Мост открыли");

        using var scheduled = await editor.SubmitAsync(path, "Schedule", ("Input.ScheduleAt", "2024-05-16T09:00"));
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        var notice = (await editor.GetDocumentAsync(path)).QuerySelector(".desk__notice")!.TextContent;
        Assert.Contains("16.05.2024 09:00 (мск)", notice);

        var mail = await smtp.WaitForMailToAsync(authorAccount.Email!);
        Assert.Contains("Публикация назначена", mail.Message.Subject);
        Assert.Contains("16.05.2024 09:00 (мск)", mail.Text);
    }

    [Fact]
    public async Task An_assignment_reaches_the_assignee_and_shows_on_the_article()
    {
        var (_, writer) = await StaffAsync(StaffRoles.Author);
        var (editor, _) = await StaffAsync(StaffRoles.Editor);
        var path = await DraftAsync(editor, "Flood warning");

        await StepAsync(editor, path, "Assign", ("accountId", writer.Id));

        Assert.Equal(writer.Id, await app.WithDbAsync(db => db.ArticleAssignments.Where(a => a.ArticleId == IdOf(path)).Select(a => a.AccountId).SingleAsync()));
        var mail = await smtp.WaitForMailToAsync(writer.Email!);
        Assert.Contains("Flood warning", mail.Message.Subject);
        var page = await editor.GetDocumentAsync(path);
        Assert.Equal(writer.Id, page.QuerySelector("#workflow-assign option[selected]")!.GetAttribute("value"));

        using var stranger = await editor.PostAsync($"{path}/workflow?handler=Assign", new FormUrlEncodedContent(
            [.. Forms.Fields(page.QuerySelector("form[action*='handler=Assign']")!).Where(f => f.Key != "accountId"), new("accountId", "no-such-account")]));
        Assert.Equal(HttpStatusCode.Redirect, stranger.StatusCode);
        Assert.Equal(writer.Id, await app.WithDbAsync(db => db.ArticleAssignments.Where(a => a.ArticleId == IdOf(path)).Select(a => a.AccountId).SingleAsync()));
    }

    [Fact]
    public async Task A_scheduled_article_going_out_by_itself_tells_its_author_and_assignee_under_the_bell_and_by_mail()
    {
        var (author, authorAccount) = await StaffAsync(StaffRoles.Author);
        var (assignee, assigneeAccount) = await StaffAsync(StaffRoles.Author);
        var (editor, _) = await StaffAsync(StaffRoles.Editor);
        var path = await DraftAsync(author, "Night train returns");
        await StepAsync(editor, path, "Assign", ("accountId", assigneeAccount.Id));
        await StepAsync(editor, path, "Schedule", ("Input.ScheduleAt", "2024-05-15T13:30"));
        await smtp.WaitForMailToAsync(assigneeAccount.Email!);
        var before = await app.WithDbAsync(db => db.Notifications.CountAsync());

        app.Clock.Set(new DateTimeOffset(2024, 5, 15, 10, 30, 5, TimeSpan.Zero));
        // The job's own timer may publish it first; either way the article goes out once and is told once.
        await app.Services.GetRequiredService<ScheduledPublishing>().PublishDueAsync();
        Assert.Equal(ArticleStatus.Published, await app.WithDbAsync(db => db.Articles.Where(a => a.Id == IdOf(path)).Select(a => a.Status).SingleAsync()));

        foreach (var (client, account) in new[] { (author, authorAccount), (assignee, assigneeAccount) })
        {
            var item = (await client.GetDocumentAsync("/newsroom/notifications")).QuerySelectorAll(".desk-notices__item")[0];
            Assert.Equal("true", item.GetAttribute("data-unread"));
            Assert.Contains("“Night train returns” went out as scheduled.", item.TextContent);
            Assert.Equal("Published: Night train returns", (await smtp.WaitForMailToAsync(account.Email!, 2)).Message.Subject);
        }
        Assert.Equal(before + 2, await app.WithDbAsync(db => db.Notifications.CountAsync()));
    }
}
