using System.Net;
using Broadsheet.Features.Accounts;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Newsroom;

/// <summary>Each staff member's own profile: the byline and author page, and the newsroom's language for them.</summary>
public sealed class ProfileTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public ProfileTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_profile_edit_shows_on_the_public_author_page()
    {
        var account = await app.AccountAsync(StaffRoles.Author);
        var client = await app.SignedInAsync(account);

        using var saved = await client.SubmitAsync("/newsroom/profile", null,
            ("Input.NameEn", "Nina Author"), ("Input.NameRu", "Нина Автор"), ("Input.Bio", "Covers the city council."),
            ("Input.Links", "https://t.me/nina_writes\nhttps://nina.example/"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var byline = await app.WithDbAsync(db => db.Authors.SingleAsync(a => a.AccountId == account.Id));
        Assert.Equal("Nina Author", byline.Name);
        await publication.ArticleAsync("Council meets at last", authors: [byline]);
        var page = await app.GetPageAsync($"/author/{byline.Slug}");
        Assert.Equal("Covers the city council.", page.QuerySelector(".profile__bio")!.TextContent.Trim());
        Assert.Equal(["https://t.me/nina_writes", "https://nina.example/"], page.QuerySelectorAll(".profile__links a").Select(a => a.GetAttribute("href")));
        Assert.Contains("Nina Author", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        // On a Russian site the byline is the Russian name, after the next save.
        await publication.SettingsAsync(s => s.Language = "ru");
        using var again = await client.SubmitAsync("/newsroom/profile", null);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Нина Автор", await app.WithDbAsync(db => db.Authors.Where(a => a.Id == byline.Id).Select(a => a.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_link_that_is_not_a_web_address_is_refused_and_nothing_changes()
    {
        var account = await app.AccountAsync(StaffRoles.Author);
        var client = await app.SignedInAsync(account);

        using var refused = await client.SubmitAsync("/newsroom/profile", null, ("Input.NameEn", "Nina Author"), ("Input.Links", "javascript:alert(1)"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("javascript:alert(1)", (await refused.ParseAsync()).QuerySelector("[data-valmsg-for='Input.Links']")!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Authors.AnyAsync(a => a.AccountId == account.Id)));
    }

    [Fact]
    public async Task A_photo_uploaded_on_the_profile_becomes_the_author_pages_photo()
    {
        var account = await app.AccountAsync(StaffRoles.Author);
        var client = await app.SignedInAsync(account);
        var form = await client.GetDocumentAsync("/newsroom/profile");
        var token = form.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Nina Author"), "Input.NameEn" },
        };
        var file = new ByteArrayContent(HostileImages.Plain("jpg", 800, 800));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
        content.Add(file, "Photo", "me.jpg");

        using var saved = await client.PostAsync("/newsroom/profile", content);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var byline = await app.WithDbAsync(db => db.Authors.SingleAsync(a => a.AccountId == account.Id));
        Assert.StartsWith("/media/", byline.Photo, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.Reader().GetAsync(byline.Photo)).StatusCode);
    }
}
