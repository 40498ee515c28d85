using System.Net;
using AngleSharp.Html.Dom;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Newsroom.Media;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Newsroom;

/// <summary>The library's words for each picture (caption, credit, alt text), finding pictures, where each is used, and the WebP twins readers get.</summary>
public sealed class MediaLibraryTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public MediaLibraryTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    private async Task<MediaItem> UploadAsync(HttpClient client, string name, string caption, string credit = "Photo: Anna Petrova", string altText = "")
    {
        var page = await client.GetDocumentAsync("/newsroom/media");
        var token = page.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(caption), "Caption" },
            { new StringContent(credit), "Credit" },
            { new StringContent(altText), "AltText" },
        };
        content.Add(new ByteArrayContent(HostileImages.Plain("jpg", 2000, 1000)), "Upload", name);
        using var response = await client.PostAsync("/newsroom/media", content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await app.WithDbAsync(db => db.Media.OrderByDescending(m => m.Id).FirstAsync());
    }

    private string FileOf(string publicPath) => Path.Combine(app.DataDirectory, "media", publicPath["/media/".Length..]);

    private static async Task SaveArticleAsync(HttpClient editor, int id, string body, string? cover)
    {
        var page = await editor.GetDocumentAsync($"/newsroom/articles/{id}");
        using var saved = await editor.SubmitAsync(page, $"/newsroom/articles/{id}", "Save", ("Input.Body", body), ("Input.CoverImage", cover));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    [Fact]
    public async Task The_library_alt_text_reaches_the_figure_and_the_cover_of_the_published_page()
    {
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        var item = await UploadAsync(editor, "bridge.jpg", "The new bridge at dawn", altText: "A steel arch bridge over a grey river");
        var article = await publication.ArticleAsync("The bridge opens", rubric: await publication.RubricAsync("City"));
        var smaller = item.Path.Replace("-1600w.", "-960w.");

        await SaveArticleAsync(editor, article.Id, $"Opening day.\n\n^^^\n![]({smaller})\n^^^ Crowds on the bridge\n\nMore text.", item.Path);

        var page = await app.GetPageAsync(PageUrl.Of(app, article));
        Assert.Equal("A steel arch bridge over a grey river", page.QuerySelector($".story__body figure img[src='{smaller}']")!.GetAttribute("alt"));
        Assert.Equal("A steel arch bridge over a grey river", page.QuerySelector(".story__cover img")!.GetAttribute("alt"));
    }

    [Fact]
    public async Task A_figure_that_gives_its_own_alt_text_keeps_it()
    {
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        var item = await UploadAsync(editor, "bridge.jpg", "The new bridge", altText: "A steel arch bridge");
        var article = await publication.ArticleAsync("The bridge opens");

        await SaveArticleAsync(editor, article.Id, $"![The mayor cuts the ribbon]({item.Path})", null);

        var page = await app.GetPageAsync(PageUrl.Of(app, article));
        Assert.Equal("The mayor cuts the ribbon", page.QuerySelector(".story__body img")!.GetAttribute("alt"));
    }

    [Fact]
    public async Task Finds_pictures_by_caption_credit_alt_text_and_file_name()
    {
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        var bridge = await UploadAsync(editor, "IMG_2041.jpg", "Мост через Неву", "Фото: Анна Петрова", "Arch of steel");
        var market = await UploadAsync(editor, "market.jpg", "The Saturday market", "Photo: Ivan Orlov", "Stalls under awnings");

        async Task<List<int>> FoundAsync(string q) =>
            (await editor.GetDocumentAsync($"/newsroom/media?q={Uri.EscapeDataString(q)}"))
                .QuerySelectorAll("[data-media-id]").Select(li => int.Parse(li.GetAttribute("data-media-id")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Equal([bridge.Id], await FoundAsync("мост"));
        Assert.Equal([bridge.Id], await FoundAsync("петрова"));
        Assert.Equal([bridge.Id], await FoundAsync("ARCH"));
        Assert.Equal([bridge.Id], await FoundAsync("img_2041"));
        Assert.Equal([market.Id], await FoundAsync("orlov"));
        Assert.Equal([market.Id, bridge.Id], await FoundAsync(""));
        Assert.Empty(await FoundAsync("100%"));
        var none = await editor.GetDocumentAsync("/newsroom/media?q=zebra");
        Assert.Equal("No picture matches.", none.QuerySelector(".desk__empty")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_picture_page_lists_the_articles_that_use_it_as_cover_or_in_the_body()
    {
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        var item = await UploadAsync(editor, "bridge.jpg", "The new bridge");
        var other = await UploadAsync(editor, "market.jpg", "The market");
        var asCover = await publication.ArticleAsync("Cover story");
        var inBody = await publication.ArticleAsync("Body story");
        var elsewhere = await publication.ArticleAsync("Other story");
        await SaveArticleAsync(editor, asCover.Id, "Text.", item.Path);
        await SaveArticleAsync(editor, inBody.Id, $"![]({item.Path.Replace("-1600w.", "-480w.")})", null);
        await SaveArticleAsync(editor, elsewhere.Id, $"![]({other.Path})", other.Path);

        var page = await editor.GetDocumentAsync($"/newsroom/media/{item.Id}");

        var uses = page.QuerySelectorAll(".media-uses li").Select(li => (li.QuerySelector("a")!.GetAttribute("href"), li.QuerySelector("a")!.TextContent)).ToList();
        Assert.Equal([($"/newsroom/articles/{inBody.Id}", "Body story"), ($"/newsroom/articles/{asCover.Id}", "Cover story")], uses);
        var unused = await UploadAsync(editor, "unused.jpg", "Nobody's");
        Assert.Empty((await editor.GetDocumentAsync($"/newsroom/media/{unused.Id}")).QuerySelectorAll(".media-uses li"));
    }

    [Fact]
    public async Task Caption_credit_and_alt_text_are_edited_on_the_picture_page_and_a_too_long_one_is_sent_back()
    {
        var editor = await app.SignedInAsync(StaffRoles.Author);
        var item = await UploadAsync(editor, "bridge.jpg", "Old caption");
        var page = await editor.GetDocumentAsync($"/newsroom/media/{item.Id}");

        using (var saved = await editor.SubmitAsync(page, $"/newsroom/media/{item.Id}", null,
            ("Caption", "The bridge at dawn"), ("Credit", "Photo: Nina Author"), ("AltText", "A steel arch over a river")))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using (var refused = await editor.SubmitAsync(page, $"/newsroom/media/{item.Id}", null, ("AltText", new string('a', 501))))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("at most 500 characters", (await refused.ParseAsync()).QuerySelector(".desk-form__error")!.TextContent);
        }

        var stored = await app.WithDbAsync(db => db.Media.SingleAsync(m => m.Id == item.Id));
        Assert.Equal(("The bridge at dawn", "Photo: Nina Author", "A steel arch over a river"), (stored.Caption, stored.Credit, stored.AltText));
        using var missing = await editor.GetAsync("/newsroom/media/99999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Readers_get_a_webp_source_first_and_an_upload_without_webp_twins_still_shows()
    {
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        var item = await UploadAsync(editor, "bridge.jpg", "The new bridge");
        var older = await UploadAsync(editor, "older.jpg", "Uploaded before WebP");
        foreach (var width in new[] { 480, 960, 1600 }) File.Delete(FileOf(older.Path.Replace("-1600w.jpg", $"-{width}w.webp")));
        var rubric = await publication.RubricAsync("City");
        var withWebP = await publication.ArticleAsync("Bridge", rubric: rubric);
        var withoutWebP = await publication.ArticleAsync("Older", rubric: rubric);
        await SaveArticleAsync(editor, withWebP.Id, "Text.", item.Path);
        await SaveArticleAsync(editor, withoutWebP.Id, "Text.", older.Path);

        var page = await app.GetPageAsync(PageUrl.Of(app, withWebP));
        var stem = item.Path[..item.Path.LastIndexOf('-')];
        var source = page.QuerySelector(".story__cover picture > source[type='image/webp']")!;
        Assert.Equal($"{stem}-480w.webp 480w, {stem}-960w.webp 960w, {stem}-1600w.webp 1600w", source.GetAttribute("srcset"));
        Assert.Equal(item.Path, page.QuerySelector(".story__cover picture > img")!.GetAttribute("src"));
        foreach (var candidate in source.GetAttribute("srcset")!.Split(", "))
        {
            using var served = await app.Reader().GetAsync(candidate.Split(' ')[0]);
            Assert.Equal("image/webp", served.Content.Headers.ContentType!.MediaType);
            Assert.True(PictureIsWebP(await served.Content.ReadAsByteArrayAsync()));
        }

        var olderPage = await app.GetPageAsync(PageUrl.Of(app, withoutWebP));
        Assert.Null(olderPage.QuerySelector(".story__cover picture"));
        Assert.Equal(older.Path, olderPage.QuerySelector(".story__cover img")!.GetAttribute("src"));
        var listing = await app.GetPageAsync($"/rubric/{rubric.Slug}");
        Assert.NotNull(listing.QuerySelector($"picture > source[srcset*='{stem}-480w.webp 480w'] + img.teaser__cover"));
    }

    [Fact]
    public async Task Readers_get_an_avif_source_before_the_webp_once_the_twins_are_written_after_the_upload()
    {
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        var item = await UploadAsync(editor, "bridge.jpg", "The new bridge");
        var folder = Path.GetDirectoryName(FileOf(item.Path))!;
        // The twins are written off the request path, once a rendition has settled; this one was uploaded a minute ago.
        foreach (var file in Directory.GetFiles(folder)) File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(-1));
        var fresh = await UploadAsync(editor, "fresh.jpg", "Just uploaded");
        var rubric = await publication.RubricAsync("City");
        var withAvif = await publication.ArticleAsync("Bridge", rubric: rubric);
        var withoutAvif = await publication.ArticleAsync("Fresh", rubric: rubric);
        await SaveArticleAsync(editor, withAvif.Id, "Text.", item.Path);
        await SaveArticleAsync(editor, withoutAvif.Id, "Text.", fresh.Path);

        // Drawn once before the twins exist (by the editor, whom the page cache does not serve): the pass that writes
        // them makes this node offer them at once, not a recheck later.
        Assert.Equal(["image/webp"], (await editor.GetDocumentAsync(PageUrl.Of(app, withAvif))).QuerySelectorAll(".story__cover picture > source").Select(s => s.GetAttribute("type")));
        var twins = app.Services.GetRequiredService<Broadsheet.Infrastructure.Media.AvifTwins>();
        twins.Pass();
        Assert.Equal(3, Directory.GetFiles(folder, "*.avif").Length);
        Assert.Equal(0, twins.Pass());

        var page = await app.GetPageAsync(PageUrl.Of(app, withAvif));
        var stem = item.Path[..item.Path.LastIndexOf('-')];
        var sources = page.QuerySelectorAll(".story__cover picture > source");
        Assert.Equal(["image/avif", "image/webp"], sources.Select(s => s.GetAttribute("type")));
        Assert.Equal($"{stem}-480w.avif 480w, {stem}-960w.avif 960w, {stem}-1600w.avif 1600w", sources[0].GetAttribute("srcset"));
        Assert.Equal(sources[1].GetAttribute("sizes"), sources[0].GetAttribute("sizes"));
        foreach (var candidate in sources[0].GetAttribute("srcset")!.Split(", "))
        {
            using var served = await app.Reader().GetAsync(candidate.Split(' ')[0]);
            Assert.Equal("image/avif", served.Content.Headers.ContentType!.MediaType);
            var bytes = await served.Content.ReadAsByteArrayAsync();
            Assert.Equal("ftypavif", System.Text.Encoding.ASCII.GetString(bytes, 4, 8));
        }
        Assert.Empty(Directory.GetFiles(folder, "*.part"));

        // Not yet settled: the WebP alone, never an AVIF source whose files are not there.
        var freshPage = await app.GetPageAsync(PageUrl.Of(app, withoutAvif));
        Assert.Equal(["image/webp"], freshPage.QuerySelectorAll(".story__cover picture > source").Select(s => s.GetAttribute("type")));
    }

    [Fact]
    public async Task Avif_twins_another_node_wrote_reach_this_nodes_pages_within_a_minute()
    {
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        var item = await UploadAsync(editor, "bridge.jpg", "The new bridge");
        var article = await publication.ArticleAsync("Bridge", rubric: await publication.RubricAsync("City"));
        await SaveArticleAsync(editor, article.Id, "Text.", item.Path);
        List<string?> SourcesOf(IHtmlDocument page) => page.QuerySelectorAll(".story__cover picture > source").Select(s => s.GetAttribute("type")).ToList();
        // Read by the signed-in editor, whom the page cache does not serve: the page is drawn each time.
        Assert.Equal(["image/webp"], SourcesOf(await editor.GetDocumentAsync(PageUrl.Of(app, article))));

        // The twins job runs on one node; on the shared disk the files appear without this node being told.
        foreach (var rendition in Directory.GetFiles(Path.GetDirectoryName(FileOf(item.Path))!, "*.jpg"))
            Broadsheet.Infrastructure.Media.AvifTwins.Encode(rendition, Path.ChangeExtension(rendition, "avif"));
        app.Clock.Advance(Broadsheet.Infrastructure.Media.PictureSources.Recheck);

        Assert.Equal(["image/avif", "image/webp"], SourcesOf(await editor.GetDocumentAsync(PageUrl.Of(app, article))));
    }

    private static bool PictureIsWebP(byte[] bytes) => Broadsheet.Infrastructure.Media.PictureFormat.Recognise(bytes) == Broadsheet.Infrastructure.Media.PictureFormat.WebP;

    [Fact]
    public async Task Editing_a_pictures_words_and_deleting_it_are_written_to_the_audit_log()
    {
        var account = await app.AccountAsync(StaffRoles.Editor);
        var editor = await app.SignedInAsync(account);
        var item = await UploadAsync(editor, "bridge.jpg", "Old caption", credit: "Photo: A. Petrova");
        using (var saved = await editor.SubmitAsync($"/newsroom/media/{item.Id}", null, ("Caption", "The bridge at dawn"), ("Credit", "Photo: Nina Author")))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using (var unchanged = await editor.SubmitAsync($"/newsroom/media/{item.Id}", null))
            Assert.Equal(HttpStatusCode.Redirect, unchanged.StatusCode);

        var edit = Assert.Single(await app.WithDbAsync(db => db.AuditLog.Where(e => e.Action == "media-edit").ToListAsync()));
        Assert.Contains(item.Path, edit.Details);
        Assert.Contains("“Photo: A. Petrova” → “Photo: Nina Author”", edit.Details);
        Assert.Contains("“Old caption” → “The bridge at dawn”", edit.Details);
        Assert.DoesNotContain("alt:", edit.Details);

        var renditions = Directory.GetFiles(Path.GetDirectoryName(FileOf(item.Path))!);
        Assert.NotEmpty(renditions);
        using (var deleted = await editor.SubmitAsync($"/newsroom/media/{item.Id}", "Delete"))
            Assert.Equal("/newsroom/media", deleted.Headers.Location!.OriginalString);

        Assert.False(await app.WithDbAsync(db => db.Media.AnyAsync(m => m.Id == item.Id)));
        Assert.All(renditions, file => Assert.False(File.Exists(file)));
        var entry = Assert.Single(await app.WithDbAsync(db => db.AuditLog.Where(e => e.Action == "media-delete").ToListAsync()));
        Assert.Contains(item.Path, entry.Details);
        Assert.Equal(account.UserName, entry.Actor);
    }

    [Fact]
    public async Task A_picture_in_use_cannot_be_deleted_and_an_author_cannot_delete_at_all()
    {
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        var used = await UploadAsync(editor, "bridge.jpg", "Used");
        var article = await publication.ArticleAsync("The bridge opens");
        await SaveArticleAsync(editor, article.Id, "Opening day.", used.Path);
        var page = await editor.GetDocumentAsync($"/newsroom/media/{used.Id}");
        Assert.Null(page.QuerySelector("form[action*='handler=Delete']"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using (var refused = await editor.PostAsync($"/newsroom/media/{used.Id}?handler=Delete", new FormUrlEncodedContent([new("__RequestVerificationToken", token)])))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("in use", (await refused.ParseAsync()).QuerySelector(".desk-form__error")!.TextContent);
        }

        var author = await app.SignedInAsync(StaffRoles.Author);
        var unused = await UploadAsync(author, "river.jpg", "Unused");
        var authorPage = await author.GetDocumentAsync($"/newsroom/media/{unused.Id}");
        Assert.Null(authorPage.QuerySelector("form[action*='handler=Delete']"));
        var authorToken = authorPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using (var forbidden = await author.PostAsync($"/newsroom/media/{unused.Id}?handler=Delete", new FormUrlEncodedContent([new("__RequestVerificationToken", authorToken)])))
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.Media.CountAsync()));
        Assert.False(await app.WithDbAsync(db => db.AuditLog.AnyAsync(e => e.Action == "media-delete")));
    }
}
