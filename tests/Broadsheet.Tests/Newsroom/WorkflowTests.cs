using System.Globalization;
using System.Net;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Newsroom;

/// <summary>Every workflow step through the editor's buttons, with what readers see after each.</summary>
public sealed class WorkflowTests : IDisposable
{
    private readonly BroadsheetApp app = new();

    public void Dispose() => app.Dispose();

    private Task<Article> LoadAsync(int id) => app.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));

    private static async Task Step(HttpClient client, string path, string handler, params (string, string?)[] values)
    {
        using var response = await client.SubmitAsync(path, handler, values);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"{handler} answered {(int)response.StatusCode}: {(await response.ParseAsync()).QuerySelector(".validation-summary-errors, .desk-form__error:not(:empty)")?.TextContent}");
    }

    /// <summary>Unpublish and Delete are links to a question; its one button acts.</summary>
    private static async Task Confirm(HttpClient client, string path, string step)
    {
        Assert.NotNull((await client.GetDocumentAsync(path)).QuerySelector($"a[href='{path}/confirm/{step}']"));
        using var response = await client.SubmitAsync($"{path}/confirm/{step}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task From_draft_through_review_schedule_publication_and_back()
    {
        var author = await app.SignedInAsync(StaffRoles.Author);
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        using var created = await author.SubmitAsync("/newsroom/articles/new", "Save", ("Input.Title", "The long road"));
        var path = created.Headers.Location!.OriginalString;
        var id = int.Parse(path.Split('/')[^1], CultureInfo.InvariantCulture);
        Assert.Equal(ArticleStatus.Draft, (await LoadAsync(id)).Status);

        await Step(author, path, "Submit");
        Assert.Equal(ArticleStatus.InReview, (await LoadAsync(id)).Status);
        Assert.Contains((await editor.GetDocumentAsync("/newsroom?state=InReview")).QuerySelectorAll(".desk-table a"), a => a.TextContent == "The long road");

        await Step(editor, path, "Schedule", ("Input.ScheduleAt", "2024-05-16T09:00"));
        var scheduled = await LoadAsync(id);
        Assert.Equal((ArticleStatus.Scheduled, new DateTime(2024, 5, 16, 6, 0, 0)), (scheduled.Status, scheduled.PublishedAt));

        await Step(editor, path, "Draft");
        Assert.Equal((ArticleStatus.Draft, (DateTime?)null), ((await LoadAsync(id)).Status, (await LoadAsync(id)).PublishedAt));

        await Step(editor, path, "Publish");
        var published = await LoadAsync(id);
        Assert.Equal((ArticleStatus.Published, app.Clock.GetUtcNow().UtcDateTime), (published.Status, published.PublishedAt));
        var url = PageUrl.Of(app, published);
        Assert.Equal(HttpStatusCode.OK, (await app.Reader().GetAsync(url)).StatusCode);

        await Confirm(editor, path, "unpublish");
        Assert.Equal(ArticleStatus.Unpublished, (await LoadAsync(id)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Reader().GetAsync(url)).StatusCode);

        await Step(editor, path, "Draft");
        Assert.Equal(ArticleStatus.Draft, (await LoadAsync(id)).Status);

        var audit = await app.WithDbAsync(db => db.AuditLog.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["submit", "schedule", "return-to-draft", "publish", "unpublish", "return-to-draft"], audit);
        var log = await (await app.SignedInAsync(StaffRoles.Admin)).GetDocumentAsync("/newsroom/audit");
        Assert.Equal(6, log.QuerySelectorAll(".desk-table tbody tr").Length);
    }

    [Fact]
    public async Task A_step_the_workflow_does_not_allow_is_refused_with_a_message()
    {
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        using var created = await editor.SubmitAsync("/newsroom/articles/new", "Save", ("Input.Title", "Not yet out"));
        var path = created.Headers.Location!.OriginalString;
        var page = await editor.GetDocumentAsync(path);
        var fields = Forms.Fields(page.QuerySelector("form[data-editor]")!);

        using var response = await editor.PostAsync(path + "?handler=Unpublish", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("cannot be unpublished", (await response.ParseAsync()).QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Equal(ArticleStatus.Draft, (await LoadAsync(int.Parse(path.Split('/')[^1], CultureInfo.InvariantCulture))).Status);
    }

    [Fact]
    public async Task An_editor_deletes_an_unpublished_piece_and_the_log_says_so()
    {
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        using var created = await editor.SubmitAsync("/newsroom/articles/new", "Publish", ("Input.Title", "Short-lived"));
        var path = created.Headers.Location!.OriginalString;
        var id = int.Parse(path.Split('/')[^1], CultureInfo.InvariantCulture);
        Assert.Null((await editor.GetDocumentAsync(path)).QuerySelector("a[href$='/confirm/delete']"));

        await Confirm(editor, path, "unpublish");
        await Confirm(editor, path, "delete");
        Assert.False(await app.WithDbAsync(db => db.Articles.AnyAsync(a => a.Id == id)));
        Assert.Contains(await app.WithDbAsync(db => db.AuditLog.ToListAsync()), e => e.Action == "delete" && e.ArticleId == id && e.Details == "Short-lived");
    }
}
