using System.Net;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Newsroom;

/// <summary>What happens when a published article is edited: revisions, corrections, and a moved address.</summary>
public sealed class PublishedEditsTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public PublishedEditsTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    private async Task<(HttpClient Editor, Article Article, string Path)> PublishedAsync(string title)
    {
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        using var created = await editor.SubmitAsync("/newsroom/articles/new", "Publish", ("Input.Title", title), ("Input.Body", "Line one\nLine two"));
        var path = created.Headers.Location!.OriginalString;
        var article = await app.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Title == title));
        return (editor, article, path);
    }

    [Fact]
    public async Task A_correction_shows_updated_time_and_notes_newest_first()
    {
        var (editor, article, path) = await PublishedAsync("Mayor opens the bridge");
        app.Clock.Advance(TimeSpan.FromHours(1));
        using var first = await editor.SubmitAsync(path, "Save", ("Input.Body", "Line one\nLine 2"),
            ("Input.IsCorrection", "true"), ("Input.CorrectionNote", "The bridge is 300 m long, not 3 km."));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        app.Clock.Advance(TimeSpan.FromHours(1));
        using var second = await editor.SubmitAsync(path, "Save", ("Input.IsCorrection", "true"), ("Input.CorrectionNote", "The mayor's name was misspelt."));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        var page = await app.GetPageAsync(PageUrl.Of(app, article));
        // A correction is an admission, not an update: the line says so.
        Assert.Equal("Corrected 15 May 2024, 14:00 (Moscow time)", page.QuerySelector(".story__updated")!.TextContent.Trim());
        Assert.Equal(["The mayor's name was misspelt.", "The bridge is 300 m long, not 3 km."],
            page.QuerySelectorAll(".story__corrections li").Select(li => li.ChildNodes.Last().TextContent.Trim()));
    }

    [Fact]
    public async Task A_silent_fix_is_not_a_correction()
    {
        var (editor, article, path) = await PublishedAsync("Quiet fix");
        using var fixedTypo = await editor.SubmitAsync(path, "Save", ("Input.Body", "Line one\nLine too"));
        Assert.Equal(HttpStatusCode.Redirect, fixedTypo.StatusCode);

        var page = await app.GetPageAsync(PageUrl.Of(app, article));
        Assert.Null(page.QuerySelector(".story__updated"));
        Assert.Null(page.QuerySelector(".story__corrections"));
        Assert.Contains("Line too", page.QuerySelector(".story__body")!.TextContent);
    }

    [Fact]
    public async Task A_correction_needs_a_note()
    {
        var (editor, _, path) = await PublishedAsync("Needs a note");
        using var response = await editor.SubmitAsync(path, "Save", ("Input.IsCorrection", "true"), ("Input.Body", "Changed"));
        var page = await response.ParseAsync();
        Assert.Contains("needs a note", page.QuerySelector("[data-valmsg-for='Input.CorrectionNote']")!.TextContent);
        Assert.Equal("Line one\nLine two", (await app.WithDbAsync(db => db.Articles.SingleAsync(a => a.Title == "Needs a note"))).Body);
    }

    [Fact]
    public async Task Every_save_is_a_revision_any_two_compare_and_any_restores()
    {
        var (editor, article, path) = await PublishedAsync("Versions");
        await editor.SubmitAsync(path, "Save", ("Input.Body", "Line one\nLine two\nLine three"));
        await editor.SubmitAsync(path, "Save", ("Input.Title", "Versions, retitled"), ("Input.Body", "Line one\nLine 3"));

        var revisions = await editor.GetDocumentAsync($"{path}/revisions");
        Assert.Equal(3, revisions.QuerySelectorAll(".desk-table tbody tr").Length);
        // By default the two newest are compared.
        // A word diff (WordDiff): what went and what came, word by word.
        var removed = string.Join(" ", revisions.QuerySelectorAll(".diff del").Select(d => d.TextContent));
        Assert.Contains("two", removed);
        Assert.Contains("three", removed);
        Assert.Contains(revisions.QuerySelectorAll(".diff ins"), i => i.TextContent.Contains('3', StringComparison.Ordinal));
        Assert.Contains(revisions.QuerySelectorAll(".diff ins"), i => i.TextContent.Contains("retitled", StringComparison.Ordinal));

        var ids = await app.WithDbAsync(db => db.Revisions.Where(r => r.ArticleId == article.Id).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync());
        var firstToLast = await editor.GetDocumentAsync($"{path}/revisions?from={ids[0]}&to={ids[2]}");
        Assert.Contains(firstToLast.QuerySelectorAll(".diff del"), d => d.TextContent.Contains("two", StringComparison.Ordinal));

        using var firstRestore = await editor.PostAsync($"{path}/revisions?handler=Restore&revision={ids[0]}",
            new FormUrlEncodedContent(Forms.Fields((await editor.GetDocumentAsync($"{path}/revisions")).QuerySelector($"form[action*='revision={ids[0]}']")!)));
        Assert.Equal(HttpStatusCode.Redirect, firstRestore.StatusCode);
        var now = await app.WithDbAsync(db => db.Articles.SingleAsync(a => a.Id == article.Id));
        Assert.Equal(("Versions", "Line one\nLine two"), (now.Title, now.Body));
        Assert.Equal(4, await app.WithDbAsync(db => db.Revisions.CountAsync(r => r.ArticleId == article.Id)));
    }

    [Fact]
    public async Task A_changed_slug_leaves_a_permanent_redirect_from_the_old_address()
    {
        var (editor, article, path) = await PublishedAsync("Old name of the story");
        var oldUrl = PageUrl.Of(app, article);
        using var renamed = await editor.SubmitAsync(path, "Save", ("Input.Slug", "new-name-of-the-story"));
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);

        using var response = await app.Reader().GetAsync(oldUrl);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(oldUrl.Replace("old-name-of-the-story", "new-name-of-the-story"), response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await app.Reader().GetAsync(response.Headers.Location.OriginalString)).StatusCode);

        // The old slug stays reserved, so no other article can take over its readers.
        using var clash = await editor.SubmitAsync("/newsroom/articles/new", "Save", ("Input.Title", "Another"), ("Input.Slug", "old-name-of-the-story"));
        Assert.Contains("already used", (await clash.ParseAsync()).QuerySelector("[data-valmsg-for='Input.Slug']")!.TextContent);
    }

    [Fact]
    public async Task The_first_edit_of_an_article_from_before_the_newsroom_keeps_its_original_words()
    {
        var article = await publication.ArticleAsync("Seeded story", body: "The original words.");
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        var path = $"/newsroom/articles/{article.Id}";
        using var edited = await editor.SubmitAsync(path, "Save", ("Input.Body", "Rewritten."));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        var revisions = await app.WithDbAsync(db => db.Revisions.Where(r => r.ArticleId == article.Id).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(["The original words.", "Rewritten."], revisions.Select(r => r.Body));
        var page = await editor.GetDocumentAsync($"{path}/revisions");
        Assert.Contains(page.QuerySelectorAll(".diff del"), d => d.TextContent.Contains("original words", StringComparison.Ordinal));
    }
}
