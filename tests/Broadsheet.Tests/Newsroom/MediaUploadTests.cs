using System.Net;
using System.Text;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Newsroom;

/// <summary>Uploads to the media library: what is recognised, what is refused and why, and what readers get.</summary>
public sealed class MediaUploadTests : IDisposable
{
    private const string Library = "/newsroom/media";
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public MediaUploadTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    /// <summary>A red picture in <paramref name="extension"/>'s format; with EXIF naming its photographer, for the formats that carry EXIF.</summary>
    private static byte[] Picture(string extension, int width = 2000, int height = 1000, bool withExif = false)
    {
        var bytes = HostileImages.Plain(extension, width, height);
        return withExif ? HostileImages.WithMetadata(extension, bytes) : bytes;
    }

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string fileName, string contentType = "image/jpeg",
        string caption = "The new bridge", string credit = "Photo: Anna Petrova")
    {
        var page = await client.GetDocumentAsync(Library);
        var token = page.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(caption), "Caption" },
            { new StringContent(credit), "Credit" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        content.Add(file, "Upload", fileName);
        return await client.PostAsync(Library, content);
    }

    internal static async Task<string> ErrorOfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        return page.QuerySelector(".desk-form__error")!.TextContent.Trim();
    }

    private string FileOf(string publicPath) => Path.Combine(app.DataDirectory, "media", publicPath["/media/".Length..]);

    public static TheoryData<string, string> Formats => new()
    {
        { "jpeg", "jpg" }, { "png", "png" }, { "webp", "webp" }, { "gif", "gif" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Accepts_each_format_and_keeps_it_at_each_width_without_its_metadata(string format, string extension)
    {
        var editor = await app.SignedInAsync(StaffRoles.Editor);

        // The name and the declared type lie on purpose: only the bytes count.
        using var response = await UploadAsync(editor, Picture(extension, withExif: true), "picture.bin", "application/octet-stream");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var item = await app.WithDbAsync(db => db.Media.SingleAsync());
        Assert.Equal((2000, 1000, "The new bridge", "Photo: Anna Petrova"), (item.Width, item.Height, item.Caption, item.Credit));
        Assert.Equal(format, item.Format.ToLowerInvariant());
        Assert.EndsWith($"-1600w.{extension}", item.Path);
        foreach (var width in new[] { 480, 960, 1600 })
        {
            var file = FileOf(item.Path.Replace("-1600w.", $"-{width}w."));
            Assert.True(File.Exists(file), $"{file} is missing");
            using var saved = NetVips.Image.NewFromFile(file);
            Assert.Equal((width, width / 2), (saved.Width, saved.Height));
            Assert.Empty(HostileImages.MetadataFields(saved));
            Assert.DoesNotContain("Secret Photographer", Encoding.Latin1.GetString(File.ReadAllBytes(file)));
        }
    }

    [Fact]
    public async Task A_small_picture_is_not_enlarged()
    {
        var editor = await app.SignedInAsync(StaffRoles.Author);

        using var response = await UploadAsync(editor, Picture("png", 700, 350), "small.png");

        var item = await app.WithDbAsync(db => db.Media.SingleAsync());
        Assert.EndsWith("-700w.png", item.Path);
        Assert.True(File.Exists(FileOf(item.Path.Replace("-700w.", "-480w."))));
        Assert.False(File.Exists(FileOf(item.Path.Replace("-700w.", "-960w."))));
    }

    [Fact]
    public async Task Refuses_text_that_calls_itself_a_jpeg()
    {
        var editor = await app.SignedInAsync(StaffRoles.Editor);

        using var response = await UploadAsync(editor, Encoding.UTF8.GetBytes("<?php echo 'not a picture'; ?>\n"), "holiday.jpg");

        Assert.Contains("not a JPEG, PNG, WebP or GIF", await ErrorOfAsync(response));
        Assert.Equal(0, await app.WithDbAsync(db => db.Media.CountAsync()));
    }

    [Fact]
    public async Task Refuses_a_decompression_bomb_from_its_header_before_decoding()
    {
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        var bomb = HostileImages.PngClaiming(100_000, 100_000);
        Assert.True(bomb.Length < 200);

        using var response = await UploadAsync(editor, bomb, "bomb.png", "image/png");

        Assert.Equal("The image is 100000×100000 pixels; at most 40 megapixels are accepted. Scale it down and upload it again.", await ErrorOfAsync(response));
        Assert.False(Directory.Exists(Path.Combine(app.DataDirectory, "media", "uploads")) &&
            Directory.EnumerateFiles(Path.Combine(app.DataDirectory, "media", "uploads"), "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task Refuses_a_file_over_the_byte_limit()
    {
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        var big = new byte[10 * 1024 * 1024 + 1];
        Picture("png", 10, 10).CopyTo(big, 0);

        using var response = await UploadAsync(editor, big, "big.png", "image/png");

        Assert.Contains("larger than 10 MB", await ErrorOfAsync(response));
        Assert.Equal(0, await app.WithDbAsync(db => db.Media.CountAsync()));
    }

    [Fact]
    public async Task The_article_page_and_its_teaser_offer_the_cover_at_each_width()
    {
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        using (await UploadAsync(editor, Picture("jpg"), "bridge.jpg")) { }
        var item = await app.WithDbAsync(db => db.Media.SingleAsync());
        var rubric = await publication.RubricAsync("City");
        var article = await publication.ArticleAsync("The bridge opens", rubric: rubric);
        var editorPage = await editor.GetDocumentAsync($"/newsroom/articles/{article.Id}");
        Assert.Contains($"\"path\":\"{item.Path}\"", await editor.GetStringAsync($"/newsroom/articles/{article.Id}?handler=Media"));
        using (var saved = await editor.SubmitAsync(editorPage, $"/newsroom/articles/{article.Id}", "Save",
            ("Input.CoverImage", item.Path), ("Input.CoverCaption", item.Caption)))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = await app.GetPageAsync(PageUrl.Of(app, article));

        var cover = page.QuerySelector(".story__cover img")!;
        var stem = item.Path[..item.Path.LastIndexOf('-')];
        Assert.Equal($"{stem}-480w.jpg 480w, {stem}-960w.jpg 960w, {stem}-1600w.jpg 1600w", cover.GetAttribute("srcset"));
        foreach (var candidate in cover.GetAttribute("srcset")!.Split(", "))
        {
            using var served = await app.Reader().GetAsync(candidate.Split(' ')[0]);
            Assert.Equal("image/jpeg", served.Content.Headers.ContentType!.MediaType);
        }
        var listing = await app.GetPageAsync($"/rubric/{rubric.Slug}");
        Assert.NotNull(listing.QuerySelector($".teaser__cover[srcset*='{stem}-480w.jpg 480w']"));
    }

    [Fact]
    public async Task Moderators_and_readers_cannot_upload()
    {
        foreach (var role in new[] { StaffRoles.Moderator, StaffRoles.Reader })
        {
            var client = await app.SignedInAsync(role);
            using var content = new MultipartFormDataContent { { new ByteArrayContent(Picture("png", 10, 10)), "Upload", "a.png" } };
            using var response = await client.PostAsync(Library, content);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.Media.CountAsync()));
    }
}
