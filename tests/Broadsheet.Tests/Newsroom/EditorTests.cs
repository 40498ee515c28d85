using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Newsroom;

public sealed class EditorTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public EditorTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    private Task<Article> ArticleAsync(string title) => app.WithDbAsync(db =>
        db.Articles.Include(a => a.Tags).ThenInclude(t => t.Tag).Include(a => a.Rubrics).Include(a => a.Authors)
            .SingleAsync(a => a.Title == title));

    private static string? ErrorFor(IHtmlDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='Input.{field}']")?.TextContent.Trim() is { Length: > 0 } text ? text : null;

    [Fact]
    public async Task Writes_a_draft_with_rubrics_new_tags_authors_and_rendered_body()
    {
        var rubric = await publication.RubricAsync("Politics");
        var known = await publication.TagAsync("Elections");
        var author = await publication.AuthorAsync("Helen Marsh");
        var editor = await app.SignedInAsync(StaffRoles.Editor);

        using var response = await editor.SubmitAsync("/newsroom/articles/new", "Save",
            ("Input.Title", "Council approves the budget"), ("Input.Lead", "After a long night."),
            ("Input.Body", "First *paragraph*.\n\n<script>alert(1)</script>"),
            ("Input.Rubrics", rubric.Slug), ("Input.Tags", "elections, Budget 2024"),
            ("Input.Authors", author.Id.ToString(CultureInfo.InvariantCulture)), ("Input.Dateline", "Kazan"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await ArticleAsync("Council approves the budget");
        Assert.Equal($"/newsroom/articles/{saved.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(("council-approves-the-budget", ArticleStatus.Draft, "Kazan"), (saved.Slug, saved.Status, saved.DatelineCity));
        Assert.Equal("<p>First <em>paragraph</em>.</p>", saved.BodyHtml.Trim());
        Assert.Equal([rubric.Id], saved.Rubrics.Select(r => r.RubricId));
        Assert.Equal(["budget-2024", "elections"], saved.Tags.Select(t => t.Tag.Slug).Order());
        Assert.Equal(known.Id, saved.Tags.Single(t => t.Tag.Slug == "elections").TagId);
        Assert.Equal([author.Id], saved.Authors.Select(a => a.AuthorId));
    }

    [Fact]
    public async Task Preview_renders_like_the_public_page_and_saves_nothing()
    {
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        using var response = await editor.SubmitAsync("/newsroom/articles/new", "Preview",
            ("Input.Title", "Preview me"), ("Input.Body", "Some **bold** text <script>x()</script>\n\n| a | b |\n|---|---|\n| 1 | 2 |"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        var body = page.QuerySelector("[data-preview-pane] article.story .story__body")!;
        Assert.Equal("bold", body.QuerySelector("strong")!.TextContent);
        Assert.NotNull(body.QuerySelector("table"));
        Assert.Null(body.QuerySelector("script"));
        Assert.Equal("Preview me", page.QuerySelector("[data-preview-pane] .story__title")!.TextContent);
        Assert.Equal("Preview me", page.QuerySelector<IHtmlInputElement>("#Input_Title")!.Value);
        Assert.Equal(0, await app.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task Bad_input_comes_back_with_messages_and_everything_typed()
    {
        await publication.ArticleAsync("Taken", slug: "taken");
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        var longTitle = new string('x', 301);

        var page = await (await editor.SubmitAsync("/newsroom/articles/new", "Save",
            ("Input.Title", longTitle), ("Input.Lead", "My careful lead"), ("Input.Body", "My body"))).ParseAsync();
        Assert.Contains("too long", ErrorFor(page, "Title"));
        Assert.Equal(longTitle, page.QuerySelector<IHtmlInputElement>("#Input_Title")!.Value);
        Assert.Equal("My careful lead", page.QuerySelector<IHtmlTextAreaElement>("#Input_Lead")!.Value);
        Assert.Equal("My body", page.QuerySelector<IHtmlTextAreaElement>("#Input_Body")!.Value);

        page = await (await editor.SubmitAsync("/newsroom/articles/new", "Save",
            ("Input.Title", "Fresh"), ("Input.Slug", "taken"), ("Input.Tags", "kept, typed"))).ParseAsync();
        Assert.Contains("already used", ErrorFor(page, "Slug"));
        Assert.Equal("kept, typed", page.QuerySelector<IHtmlInputElement>("#Input_Tags")!.Value);

        page = await (await editor.SubmitAsync("/newsroom/articles/new", "Save",
            ("Input.Title", "Fresh"), ("Input.Rubrics", "no-such-rubric"))).ParseAsync();
        Assert.Contains("There is no rubric \"no-such-rubric\"", ErrorFor(page, "Rubrics"));

        // The clock stands at 12:00 Moscow time; 11:00 that day has passed.
        page = await (await editor.SubmitAsync("/newsroom/articles/new", "Schedule",
            ("Input.Title", "Fresh"), ("Input.ScheduleAt", "2024-05-15T11:00"))).ParseAsync();
        Assert.Contains("already passed", ErrorFor(page, "ScheduleAt"));
        Assert.Equal("2024-05-15T11:00", page.QuerySelector<IHtmlInputElement>("#Input_ScheduleAt")!.Value);

        Assert.Equal(1, await app.WithDbAsync(db => db.Articles.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Tags.CountAsync()));
    }

    [Fact]
    public async Task Two_editors_on_one_version_the_second_is_told_and_keeps_their_text()
    {
        var article = await publication.ArticleAsync("Shared story", status: ArticleStatus.Draft);
        var first = await app.SignedInAsync(StaffRoles.Editor);
        var second = await app.SignedInAsync(StaffRoles.Editor);
        var path = $"/newsroom/articles/{article.Id}";
        var firstForm = await first.GetDocumentAsync(path);
        var secondForm = await second.GetDocumentAsync(path);

        using var saved = await first.SubmitAsync(firstForm, path, "Save", ("Input.Body", "The first editor's words."));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var refused = await second.SubmitAsync(secondForm, path, "Save", ("Input.Body", "The second editor's words."));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ParseAsync();
        Assert.Contains("changed by someone else", page.QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Equal("The second editor's words.", page.QuerySelector<IHtmlTextAreaElement>("#Input_Body")!.Value);
        Assert.Equal("The first editor's words.", (await ArticleAsync("Shared story")).Body);

        // Having been told, saving again is a deliberate choice.
        using var again = await second.SubmitAsync(page, path, "Save");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("The second editor's words.", (await ArticleAsync("Shared story")).Body);
    }

    [Fact]
    public async Task Autosave_keeps_a_draft_and_one_revision_for_a_run_of_autosaves()
    {
        var author = await app.SignedInAsync(StaffRoles.Author);
        using var created = await author.SubmitAsync("/newsroom/articles/new", "Save", ("Input.Title", "Autosaved"), ("Input.Body", "v1"));
        var path = created.Headers.Location!.OriginalString;
        var page = await author.GetDocumentAsync(path);
        var form = page.QuerySelector("form[data-autosave]")!;
        Assert.Equal($"{path}?handler=Autosave", form.GetAttribute("data-autosave"));

        foreach (var body in new[] { "v2", "v3" })
        {
            var fields = Forms.Fields(form);
            fields.RemoveAll(f => f.Key == "Input.Body");
            fields.Add(new("Input.Body", body));
            using var response = await author.PostAsync(form.GetAttribute("data-autosave"), new FormUrlEncodedContent(fields));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            form.QuerySelector<IHtmlInputElement>("input[name='Input.Version']")!.Value = json.RootElement.GetProperty("version").GetString()!;
        }

        var saved = await ArticleAsync("Autosaved");
        Assert.Equal("v3", saved.Body);
        var revisions = await app.WithDbAsync(db => db.Revisions.Where(r => r.ArticleId == saved.Id).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal([("v1", false), ("v3", true)], revisions.Select(r => (r.Body, r.IsAutosave)));
    }

    [Fact]
    public async Task The_editor_page_loads_no_inline_script()
    {
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        var page = await editor.GetDocumentAsync("/newsroom/articles/new");
        Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), "inline script"));
        Assert.Contains(page.QuerySelectorAll("script"), s => s.GetAttribute("src")!.StartsWith("/js/newsroom-editor.js", StringComparison.Ordinal));
    }
}
