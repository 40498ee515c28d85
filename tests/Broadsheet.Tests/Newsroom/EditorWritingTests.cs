using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Newsroom.Media;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Newsroom;

/// <summary>The editor's writing aids on the server: autosave from the first keystroke, pending edits, the picker, the live preview.</summary>
public sealed class EditorWritingTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public EditorWritingTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    /// <summary>Posts the editor's form as it stands, with some fields changed, to one of the script's handlers.</summary>
    private static Task<HttpResponseMessage> PostAsync(HttpClient client, IHtmlDocument page, string handlerUrl, params (string Name, string Value)[] values)
    {
        var fields = Forms.Fields(page.QuerySelector("form[data-editor]")!);
        foreach (var (name, _) in values) fields.RemoveAll(f => f.Key == name);
        fields.AddRange(values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)));
        return client.PostAsync(handlerUrl, new FormUrlEncodedContent(fields));
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task The_first_autosave_of_a_new_article_creates_one_draft_that_later_autosaves_update()
    {
        var author = await app.SignedInAsync(StaffRoles.Author);
        var page = await author.GetDocumentAsync("/newsroom/articles/new");
        var form = page.QuerySelector("form[data-editor]")!;
        Assert.Equal("/newsroom/articles/new?handler=Autosave", form.GetAttribute("data-autosave"));

        // The first keystroke lands in the body: no title yet.
        using var first = await PostAsync(author, page, "/newsroom/articles/new?handler=Autosave", ("Input.Body", "It began"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var json = await JsonAsync(first);
        var id = json.GetProperty("id").GetInt32();
        Assert.Equal($"/newsroom/articles/{id}", json.GetProperty("path").GetString());

        var draft = await app.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync());
        Assert.Equal((id, ArticleStatus.Draft, "It began", "Untitled"), (draft.Id, draft.Status, draft.Body, draft.Title));

        using var second = await PostAsync(author, page, $"/newsroom/articles/{id}?handler=Autosave",
            ("Input.Title", "Floods reach the valley"), ("Input.Body", "It began to rain"),
            ("Input.Version", json.GetProperty("version").GetString()!));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);

        var saved = await app.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync());
        Assert.Equal((id, "Floods reach the valley", "floods-reach-the-valley", "It began to rain"), (saved.Id, saved.Title, saved.Slug, saved.Body));
        Assert.False(saved.PublishedAt.HasValue);
    }

    [Fact]
    public async Task An_autosaved_edit_of_a_published_article_stays_from_readers_until_Update()
    {
        var article = await publication.ArticleAsync("Bridge opens", body: "The bridge opens on Monday.");
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        var path = $"/newsroom/articles/{article.Id}";
        var page = await editor.GetDocumentAsync(path);

        using var autosaved = await PostAsync(editor, page, $"{path}?handler=Autosave", ("Input.Body", "The bridge opens on Tuesday."));
        Assert.Equal(HttpStatusCode.OK, autosaved.StatusCode);
        Assert.True((await JsonAsync(autosaved)).GetProperty("pending").GetBoolean());

        var stored = await app.WithDbAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == article.Id));
        Assert.Equal((article.Version, "The bridge opens on Monday."), (stored.Version, stored.Body));
        var publicPage = await app.GetPageAsync(PageUrl.Of(app, article));
        Assert.Contains("Monday", publicPage.QuerySelector(".story__body")!.TextContent);
        Assert.DoesNotContain("Tuesday", publicPage.QuerySelector(".story__body")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.Revisions.CountAsync(r => r.Body.Contains("Tuesday"))));

        // The editor comes back to their words, told they are not yet out.
        page = await editor.GetDocumentAsync(path);
        Assert.Equal("The bridge opens on Tuesday.", page.QuerySelector<IHtmlTextAreaElement>("#Input_Body")!.Value);
        Assert.NotNull(page.QuerySelector("[data-pending]"));

        using var updated = await editor.SubmitAsync(page, path, "Save");
        Assert.Equal(HttpStatusCode.Redirect, updated.StatusCode);
        publicPage = await app.GetPageAsync(PageUrl.Of(app, article));
        Assert.Contains("Tuesday", publicPage.QuerySelector(".story__body")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.PendingEdits.CountAsync()));
        Assert.Null((await editor.GetDocumentAsync(path)).QuerySelector("[data-pending]"));
    }

    [Fact]
    public async Task Discarding_a_pending_edit_keeps_the_published_article_as_it_was()
    {
        var article = await publication.ArticleAsync("Ferry resumes", body: "Ferries run again.");
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        var path = $"/newsroom/articles/{article.Id}";
        using var autosaved = await PostAsync(editor, await editor.GetDocumentAsync(path), $"{path}?handler=Autosave", ("Input.Title", "Ferry resumes at last"));
        Assert.Equal(HttpStatusCode.OK, autosaved.StatusCode);

        using var discarded = await editor.SubmitAsync(path, "Discard");
        Assert.Equal(HttpStatusCode.Redirect, discarded.StatusCode);
        var page = await editor.GetDocumentAsync(path);
        Assert.Equal("Ferry resumes", page.QuerySelector<IHtmlInputElement>("#Input_Title")!.Value);
        Assert.Equal(0, await app.WithDbAsync(db => db.PendingEdits.CountAsync()));
    }

    [Fact]
    public async Task The_picker_finds_library_pictures_by_caption_and_offers_a_figure_with_caption_and_credit()
    {
        await app.WithDbAsync(async db =>
        {
            var at = app.Clock.GetUtcNow().UtcDateTime;
            db.Media.AddRange(
                new MediaItem { Path = "/media/uploads/a1-1600w.jpg", Format = "jpeg", Width = 2000, Height = 1333, Caption = "Fishing boats in the Harbour", Credit = "Anna Petrova", UploadedAt = at },
                new MediaItem { Path = "/media/uploads/b2-960w.jpg", Format = "jpeg", Width = 960, Height = 640, Caption = "The mayor at the council", Credit = "Staff", UploadedAt = at.AddMinutes(1) });
            await db.SaveChangesAsync();
        });
        var author = await app.SignedInAsync(StaffRoles.Author);

        using var all = await author.GetAsync("/newsroom/articles/new?handler=Media");
        Assert.Equal(2, (await JsonAsync(all)).GetArrayLength());

        using var found = await author.GetAsync("/newsroom/articles/new?handler=Media&q=harbour");
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var item = Assert.Single((await JsonAsync(found)).EnumerateArray());
        Assert.Equal("/media/uploads/a1-480w.jpg", item.GetProperty("thumbnail").GetString());
        Assert.Equal("^^^\n![Fishing boats in the Harbour](/media/uploads/a1-1600w.jpg)\n^^^ Fishing boats in the Harbour — Anna Petrova\n",
            item.GetProperty("figure").GetString());

        // The figure it offers is one the site renders as a figure with its caption.
        var html = new ArticleBody().Render(item.GetProperty("figure").GetString()!);
        var figure = new HtmlParser().ParseDocument(html).QuerySelector("figure")!;
        Assert.Equal("/media/uploads/a1-1600w.jpg", figure.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal("Fishing boats in the Harbour — Anna Petrova", figure.QuerySelector("figcaption")!.TextContent);

        using var none = await author.GetAsync("/newsroom/articles/new?handler=Media&q=volcano");
        Assert.Equal(0, (await JsonAsync(none)).GetArrayLength());
    }

    [Fact]
    public async Task The_live_preview_is_the_public_article_markup_with_byline_dateline_cover_and_tags()
    {
        var rubric = await publication.RubricAsync("City");
        var author = await publication.AuthorAsync("Helen Marsh");
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        var page = await editor.GetDocumentAsync("/newsroom/articles/new");

        using var response = await PostAsync(editor, page, "/newsroom/articles/new?handler=PreviewFragment",
            ("Input.Title", "Tram line <b>opens</b>"), ("Input.Lead", "After five years."), ("Input.Body", "Riders **cheered**."),
            ("Input.Rubrics", rubric.Slug), ("Input.Authors", author.Id.ToString(CultureInfo.InvariantCulture)),
            ("Input.Dateline", "Kazan"), ("Input.Tags", "transport, Trams"), ("Input.CoverImage", "/media/uploads/c3-1600w.jpg"),
            ("Input.CoverCaption", "The first tram"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fragment = await response.ParseAsync();
        Assert.Null(fragment.QuerySelector("header.masthead, nav, form"));
        var story = fragment.QuerySelector("article.story")!;
        Assert.Equal("Tram line <b>opens</b>", story.QuerySelector(".story__title")!.TextContent);
        Assert.Equal("City", story.QuerySelector(".story__kicker")!.TextContent.Trim());
        Assert.Equal("Helen Marsh", story.QuerySelector(".story__byline")!.TextContent.Trim());
        Assert.Equal(", Kazan", story.QuerySelector(".story__dateline")!.TextContent);
        Assert.NotNull(story.QuerySelector("time.story__published[datetime]"));
        Assert.Equal("After five years.", story.QuerySelector(".story__lead")!.TextContent);
        Assert.Equal("/media/uploads/c3-1600w.jpg", story.QuerySelector(".story__cover img")!.GetAttribute("src"));
        Assert.Equal("The first tram", story.QuerySelector(".story__cover figcaption")!.TextContent);
        Assert.Equal("cheered", story.QuerySelector(".story__body strong")!.TextContent);
        Assert.Equal(["transport", "Trams"], story.QuerySelectorAll(".story__tags li").Select(li => li.TextContent.Trim()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Articles.CountAsync()));
    }
}
