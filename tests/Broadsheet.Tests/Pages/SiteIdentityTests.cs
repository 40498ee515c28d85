using System.Net;
using System.Text.Json;
using Broadsheet.Features.Accounts;
using Broadsheet.Tests.Newsroom;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Pages;

public sealed class SiteIdentityTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public SiteIdentityTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    /// <summary>Submits the settings form as a browser would with a file chosen: every field as it stands, the pictures added.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient admin, params (string Field, byte[] Bytes)[] pictures)
    {
        var page = await admin.GetDocumentAsync("/newsroom/settings");
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in Forms.Fields(page.QuerySelector("form[enctype]")!).Where(f => f.Key is not ("Input.Logo" or "Input.Icon"))) content.Add(new StringContent(value), name);
        foreach (var (field, bytes) in pictures)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new("image/png");
            content.Add(file, field, "picture.png");
        }
        return await admin.PostAsync("/newsroom/settings", content);
    }

    [Fact]
    public async Task An_uploaded_logo_and_icon_become_the_masthead_the_touch_icon_the_manifest_and_the_shared_picture()
    {
        var admin = await app.SignedInAsync(StaffRoles.Admin);
        using var saved = await UploadAsync(admin, ("Input.Logo", HostileImages.Plain("png", 600, 120)), ("Input.Icon", HostileImages.Plain("png", 512, 512)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var settings = await app.WithDbAsync(db => db.SiteSettings.AsNoTracking().SingleAsync());
        var (logo, icon) = (settings.LogoPath, settings.IconPath);
        Assert.NotNull(logo);
        Assert.EndsWith("-512w.png", icon);

        await publication.ArticleAsync("No picture here");
        var home = await app.GetPageAsync("/");
        Assert.Equal(logo, home.QuerySelector(".masthead__name img")!.GetAttribute("src"));
        Assert.Equal("Broadsheet", home.QuerySelector(".masthead__name img")!.GetAttribute("alt"));
        Assert.Equal(icon, home.QuerySelector("link[rel=apple-touch-icon]")!.GetAttribute("href"));
        Assert.EndsWith(logo, home.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
        Assert.Equal(HttpStatusCode.OK, (await app.Reader().GetAsync(logo)).StatusCode);

        using var response = await app.Reader().GetAsync("/manifest.webmanifest");
        Assert.Equal("application/manifest+json", response.Content.Headers.ContentType!.MediaType);
        using var manifest = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = manifest.RootElement;
        Assert.Equal("Broadsheet", root.GetProperty("name").GetString());
        Assert.Equal("Broadsheet", root.GetProperty("short_name").GetString());
        Assert.StartsWith("#", root.GetProperty("theme_color").GetString());
        var only = Assert.Single(root.GetProperty("icons").EnumerateArray());
        Assert.Equal((icon, "512x512", "image/png"), (only.GetProperty("src").GetString(), only.GetProperty("sizes").GetString(), only.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task Without_uploads_the_manifest_names_the_icons_the_site_ships_and_pages_share_no_picture()
    {
        await publication.SettingsAsync(s => s.PublicationName = "The Evening Chronicle of Tomsk");
        using var response = await app.Reader().GetAsync("/manifest.webmanifest");
        using var manifest = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Chronicle", manifest.RootElement.GetProperty("short_name").GetString());
        foreach (var icon in manifest.RootElement.GetProperty("icons").EnumerateArray())
            Assert.Equal(HttpStatusCode.OK, (await app.Reader().GetAsync(icon.GetProperty("src").GetString())).StatusCode);
        var home = await app.GetPageAsync("/");
        Assert.Null(home.QuerySelector("meta[property='og:image']"));
        Assert.Equal("/manifest.webmanifest", home.QuerySelector("link[rel=manifest]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task An_article_with_a_cover_is_shared_with_its_cover_not_the_logo()
    {
        await publication.SettingsAsync(s => s.LogoPath = "/media/uploads/2024/05/logo-600w.png");
        var article = await publication.ArticleAsync("With a cover");
        await app.WithDbAsync(async db => { (await db.Articles.SingleAsync()).CoverImage = "/media/uploads/2024/05/cover-1600w.jpg"; await db.SaveChangesAsync(); });
        var local = BroadsheetApp.DefaultNow.ToOffset(TimeSpan.FromHours(3));
        var page = await app.GetPageAsync($"/{local:yyyy}/{local:MM}/{local:dd}/{article.Slug}");
        Assert.EndsWith("/cover-1600w.jpg", page.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
        Assert.EndsWith("/logo-600w.png", (await app.GetPageAsync("/")).QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
    }

    [Fact]
    public async Task An_icon_that_is_not_square_is_refused_and_the_old_one_kept()
    {
        var admin = await app.SignedInAsync(StaffRoles.Admin);
        using var refused = await UploadAsync(admin, ("Input.Icon", HostileImages.Plain("png", 400, 200)));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("square", (await refused.ParseAsync()).QuerySelector("[data-valmsg-for='Input.Icon']")!.TextContent);
        Assert.Null(await app.WithDbAsync(db => db.SiteSettings.Select(s => s.IconPath).SingleAsync()));
    }
}
