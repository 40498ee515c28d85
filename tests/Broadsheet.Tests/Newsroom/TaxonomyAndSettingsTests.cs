using System.Net;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Newsroom;

public sealed class TaxonomyAndSettingsTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public TaxonomyAndSettingsTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    private static async Task<HttpResponseMessage> PostRowFormAsync(HttpClient client, string path, string handler, int id, params (string Name, string Value)[] values)
    {
        var page = await client.GetDocumentAsync(path);
        var form = page.QuerySelectorAll($"form[action*='handler={handler}']").First(f => f.GetAttribute("action")!.Contains($"id={id}") || f.GetAttribute("action")!.Contains($"/{id}?"));
        var fields = Forms.Fields(form);
        foreach (var (name, value) in values) { fields.RemoveAll(f => f.Key == name); fields.Add(new(name, value)); }
        return await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task Merging_a_tag_moves_its_articles_and_its_old_address_redirects()
    {
        var polls = await publication.TagAsync("Polls");
        var elections = await publication.TagAsync("Elections");
        await publication.ArticleAsync("Poll shows a tie", tags: [polls]);
        await publication.ArticleAsync("Both tags", tags: [polls, elections]);
        var editor = await app.SignedInAsync(StaffRoles.Editor);

        using var merged = await PostRowFormAsync(editor, "/newsroom/taxonomy/tags", "Merge", polls.Id, ("into", "Elections"));
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);

        using var old = await app.Reader().GetAsync("/tag/polls");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/tag/elections", old.Headers.Location!.OriginalString);
        var listing = await app.GetPageAsync("/tag/elections");
        Assert.Equal(2, listing.QuerySelectorAll(".teaser").Length);
    }

    [Fact]
    public async Task Renaming_a_tag_keeps_the_old_address_working()
    {
        var tag = await publication.TagAsync("Budjet");
        await publication.ArticleAsync("Spending rises", tags: [tag]);
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        using var renamed = await PostRowFormAsync(editor, "/newsroom/taxonomy/tags", "Rename", tag.Id, ("name", "Budget"));
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);

        using var old = await app.Reader().GetAsync("/tag/budjet");
        Assert.Equal("/tag/budget", old.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await app.Reader().GetAsync("/tag/budget")).StatusCode);
    }

    [Fact]
    public async Task An_author_profile_links_to_an_account_which_may_then_edit_its_bylined_pieces()
    {
        var profile = await publication.AuthorAsync("Rita Reporter");
        var article = await publication.ArticleAsync("Rita's draft", status: ArticleStatus.Draft, authors: [profile]);
        var account = await app.AccountAsync(StaffRoles.Author);
        var rita = await app.SignedInAsync(account);
        Assert.Equal(HttpStatusCode.Forbidden, (await rita.GetAsync($"/newsroom/articles/{article.Id}")).StatusCode);

        var editor = await app.SignedInAsync(StaffRoles.Editor);
        using var linked = await editor.SubmitAsync($"/newsroom/taxonomy/authors?id={profile.Id}", null,
            ("Input.AccountId", account.Id), ("Input.Bio", "Covers the city council."));
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await rita.GetAsync($"/newsroom/articles/{article.Id}")).StatusCode);
        var saved = await app.WithDbAsync(db => db.Authors.SingleAsync(a => a.Id == profile.Id));
        Assert.Equal((account.Id, "Covers the city council."), (saved.AccountId, saved.Bio));
    }

    [Theory]
    [InlineData("//elsewhere.example/face.jpg")]
    [InlineData("/\\elsewhere.example/face.jpg")]
    [InlineData("https://elsewhere.example/face.jpg")]
    public async Task An_author_photo_must_be_a_path_on_this_site(string photo)
    {
        var profile = await publication.AuthorAsync("Rita Reporter");
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        using var refused = await editor.SubmitAsync($"/newsroom/taxonomy/authors?id={profile.Id}", null, ("Input.Photo", photo));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("must be a path on this site", (await refused.ParseAsync()).Body!.TextContent);
        Assert.Null(await app.WithDbAsync(db => db.Authors.Where(a => a.Id == profile.Id).Select(a => a.Photo).SingleAsync()));

        using var kept = await editor.SubmitAsync($"/newsroom/taxonomy/authors?id={profile.Id}", null, ("Input.Photo", "/media/uploads/face.jpg"));
        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        Assert.Equal("/media/uploads/face.jpg", await app.WithDbAsync(db => db.Authors.Where(a => a.Id == profile.Id).Select(a => a.Photo).SingleAsync()));
    }

    [Fact]
    public async Task A_rubric_can_be_added_and_appears_in_the_navigation()
    {
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        using var added = await editor.SubmitAsync("/newsroom/taxonomy/rubrics", "Save",
            ("Input.Name", "Culture"), ("Input.Description", "Books, stage and screen"), ("Input.Position", "3"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var home = await app.GetPageAsync("/");
        Assert.Contains(home.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/rubric/culture");
    }

    [Fact]
    public async Task Settings_change_the_site_at_once_and_are_audited()
    {
        Assert.Equal("Broadsheet", (await app.GetPageAsync("/")).QuerySelector(".masthead__name")!.TextContent);
        var admin = await app.SignedInAsync(StaffRoles.Admin);
        using var saved = await admin.SubmitAsync("/newsroom/settings", null,
            ("Input.PublicationName", "Вечерний листок"), ("Input.Language", "ru"), ("Input.TimeZoneId", "Europe/Moscow"),
            ("Input.TimeZoneLabel", "мск"), ("Input.Channels", "Telegram | https://t.me/example\nRSS | /feed"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var home = await app.GetPageAsync("/");
        Assert.Equal("Вечерний листок", home.QuerySelector(".masthead__name")!.TextContent);
        Assert.Equal("ru", home.DocumentElement.GetAttribute("lang"));
        Assert.Contains(await app.WithDbAsync(db => db.AuditLog.ToListAsync()), e => e.Action == "settings-change");
    }

    [Fact]
    public async Task Bad_settings_are_refused_and_kept_on_the_form()
    {
        var admin = await app.SignedInAsync(StaffRoles.Admin);
        using var response = await admin.SubmitAsync("/newsroom/settings", null,
            ("Input.TimeZoneId", "Mars/Olympus_Mons"), ("Input.Channels", "no url here"));
        var page = await response.ParseAsync();
        Assert.Contains("not a known time zone", page.QuerySelector("[data-valmsg-for='Input.TimeZoneId']")!.TextContent);
        Assert.Contains("Line 1", page.QuerySelector("[data-valmsg-for='Input.Channels']")!.TextContent);
        Assert.Equal("Europe/Moscow", (await app.WithDbAsync(db => db.SiteSettings.SingleAsync())).TimeZoneId);
    }
}
