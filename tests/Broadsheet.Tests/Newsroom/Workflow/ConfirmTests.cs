using System.Globalization;
using System.Net;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Newsroom.Workflow;

/// <summary>Unpublish, delete and the breaking-news alert ask first, on a page of their own, and only its button acts.</summary>
public sealed class ConfirmTests : IDisposable
{
    private readonly BroadsheetApp app = new();

    public void Dispose() => app.Dispose();

    private static int IdOf(string path) => int.Parse(path.Split('/')[^1], CultureInfo.InvariantCulture);

    private Task<ArticleStatus?> StatusAsync(int id) =>
        app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => (ArticleStatus?)a.Status).SingleOrDefaultAsync());

    private static async Task<string> PublishedAsync(HttpClient editor, string title)
    {
        using var created = await editor.SubmitAsync("/newsroom/articles/new", "Publish", ("Input.Title", title));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return created.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task Unpublish_on_the_article_screen_is_a_link_to_a_question_and_only_the_answer_unpublishes()
    {
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        var path = await PublishedAsync(editor, "Storm closes port");
        var link = (await editor.GetDocumentAsync(path)).QuerySelector($"a[href='{path}/confirm/unpublish']");
        Assert.NotNull(link);

        var question = await editor.GetDocumentAsync($"{path}/confirm/unpublish");
        Assert.Contains("Storm closes port", question.QuerySelector("h1")!.TextContent);
        Assert.Equal(ArticleStatus.Published, await StatusAsync(IdOf(path)));

        using var answered = await editor.SubmitAsync($"{path}/confirm/unpublish");
        Assert.Equal(path, answered.Headers.Location!.OriginalString);
        Assert.Equal(ArticleStatus.Unpublished, await StatusAsync(IdOf(path)));
        Assert.Contains("unpublish", await app.WithDbAsync(db => db.AuditLog.Select(e => e.Action).ToListAsync()));
    }

    [Fact]
    public async Task Delete_asks_first_and_refuses_a_published_article_on_the_question_page()
    {
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        var path = await PublishedAsync(editor, "Ferry timetable");
        var refused = await editor.GetDocumentAsync($"{path}/confirm/delete");
        Assert.NotNull(refused.QuerySelector(".desk__error"));
        Assert.Null(refused.QuerySelector(".desk form[method=post]"));

        using var draft = await editor.SubmitAsync("/newsroom/articles/new", "Save", ("Input.Title", "Ferry draft"));
        var draftPath = draft.Headers.Location!.OriginalString;
        Assert.NotNull((await editor.GetDocumentAsync(draftPath)).QuerySelector($"a[href='{draftPath}/confirm/delete']"));
        using var deleted = await editor.SubmitAsync($"{draftPath}/confirm/delete");
        Assert.Equal("/newsroom", deleted.Headers.Location!.OriginalString);
        Assert.Null(await StatusAsync(IdOf(draftPath)));
    }

    [Fact]
    public async Task An_author_cannot_open_the_question_nor_answer_it()
    {
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        var path = await PublishedAsync(editor, "Rates held");
        var author = await app.SignedInAsync(StaffRoles.Author);
        using var asked = await author.GetAsync($"{path}/confirm/unpublish");
        Assert.Equal(HttpStatusCode.Forbidden, asked.StatusCode);
        Assert.Equal(ArticleStatus.Published, await StatusAsync(IdOf(path)));
    }

    [Fact]
    public async Task A_breaking_news_alert_is_sent_from_the_article_after_a_question_and_once_only()
    {
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        var path = await PublishedAsync(editor, "Quake felt downtown");
        var screen = await editor.GetDocumentAsync(path);
        Assert.NotNull(screen.QuerySelector($"a[href='{path}/confirm/alert']"));

        using var sent = await editor.SubmitAsync($"{path}/confirm/alert");
        Assert.Equal(path, sent.Headers.Location!.OriginalString);
        Assert.Equal(1, await app.WithDbAsync(db => db.DigestRuns.CountAsync(r => r.Key == $"alert:{IdOf(path)}")));
        Assert.Contains("breaking-alert", await app.WithDbAsync(db => db.AuditLog.Select(e => e.Action).ToListAsync()));

        var again = await editor.GetDocumentAsync($"{path}/confirm/alert");
        Assert.NotNull(again.QuerySelector(".desk__error"));
    }
}
