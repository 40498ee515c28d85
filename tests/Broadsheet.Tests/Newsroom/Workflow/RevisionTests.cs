using System.Net;
using Broadsheet.Features.Accounts;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Newsroom.Workflow;

/// <summary>The revisions screen: who did what and when to the second, a word-level diff, and restore audited.</summary>
public sealed class RevisionTests : IDisposable
{
    private readonly BroadsheetApp app = new();

    public void Dispose() => app.Dispose();

    private static async Task StepAsync(HttpClient client, string path, string handler, params (string, string?)[] values)
    {
        using var response = await client.SubmitAsync(path, handler, values);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Two_saves_in_one_minute_read_apart_with_the_persons_name_and_the_step()
    {
        var author = await app.AccountAsync(StaffRoles.Author);
        var client = await app.SignedInAsync(author);
        using var created = await client.SubmitAsync("/newsroom/articles/new", "Save", ("Input.Title", "Tram line"), ("Input.Body", "One."));
        var path = created.Headers.Location!.OriginalString;
        // The first save made the author a byline; the newsroom names people by it.
        await app.WithDbAsync(db => db.Authors.Where(a => a.AccountId == author.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Name, "Nina Author")));
        app.Clock.Advance(TimeSpan.FromSeconds(7));
        await StepAsync(client, path, "Submit", ("Input.Body", "One. Two."));

        var labels = (await client.GetDocumentAsync(path + "/revisions")).QuerySelectorAll("tr[data-revision] td:first-child").Select(td => td.TextContent).ToList();
        Assert.Equal(2, labels.Count);
        Assert.Equal(2, labels.Distinct().Count());
        Assert.Contains("12:00:07", labels[0]); // the site's zone, Moscow
        Assert.Contains("Nina Author", labels[0]);
        Assert.EndsWith("submitted", labels[0]);
        Assert.EndsWith("saved", labels[1]);
        Assert.DoesNotContain("@", string.Concat(labels));
    }

    [Fact]
    public async Task The_diff_marks_changed_words_and_folds_unchanged_paragraphs()
    {
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        using var created = await editor.SubmitAsync("/newsroom/articles/new", "Save", ("Input.Title", "Harbour"),
            ("Input.Body", "The first paragraph stays.\n\nThe ferry leaves at nine.\n\nThe last paragraph stays too."));
        var path = created.Headers.Location!.OriginalString;
        await StepAsync(editor, path, "Save", ("Input.Body", "The first paragraph stays.\n\nThe ferry leaves at ten.\n\nThe last paragraph stays too."));

        var page = await editor.GetDocumentAsync(path + "/revisions");
        var body = page.QuerySelectorAll(".diff")[2];
        Assert.Equal(["nine"], body.QuerySelectorAll("del").Select(e => e.TextContent));
        Assert.Equal(["ten"], body.QuerySelectorAll("ins").Select(e => e.TextContent));
        Assert.Equal("The ferry leaves at nineten.", body.QuerySelector(".diff__changed")!.TextContent);
        var folded = body.QuerySelectorAll("details.diff__folded");
        Assert.Equal(2, folded.Length);
        Assert.All(folded, d => Assert.Single(d.QuerySelectorAll("p")));
        Assert.Contains("The first paragraph stays.", folded[0].TextContent);
    }

    [Fact]
    public async Task Restoring_a_revision_is_audited_and_labelled_restored()
    {
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        using var created = await editor.SubmitAsync("/newsroom/articles/new", "Save", ("Input.Title", "Budget"), ("Input.Body", "Old words."));
        var path = created.Headers.Location!.OriginalString;
        await StepAsync(editor, path, "Save", ("Input.Body", "New words."));
        var page = await editor.GetDocumentAsync(path + "/revisions");
        var rows = page.QuerySelectorAll("tr[data-revision]");
        var oldest = rows[rows.Length - 1];
        using var restored = await editor.PostAsync(oldest.QuerySelector("form")!.GetAttribute("action")!, new FormUrlEncodedContent(Forms.Fields(oldest.QuerySelector("form")!)));
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);

        Assert.Equal("Old words.", await app.WithDbAsync(db => db.Articles.Select(a => a.Body).SingleAsync()));
        Assert.Contains("restore", await app.WithDbAsync(db => db.AuditLog.Select(e => e.Action).ToListAsync()));
        var labels = (await editor.GetDocumentAsync(path + "/revisions")).QuerySelectorAll("tr[data-revision] td:first-child");
        Assert.EndsWith("restored", labels[0].TextContent);
    }
}
