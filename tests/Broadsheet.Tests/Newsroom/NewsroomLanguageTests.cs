using Broadsheet.Features.Accounts;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Newsroom;

/// <summary>The newsroom speaks the site's language unless a person chose another, says so in <c>lang</c>, and has its own layout.</summary>
public sealed class NewsroomLanguageTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public NewsroomLanguageTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task On_a_russian_site_the_newsroom_is_russian_and_has_no_public_masthead_or_footer()
    {
        await publication.SettingsAsync(s => s.Language = "ru");
        var admin = await app.SignedInAsync(StaffRoles.Admin);

        foreach (var path in new[] { "/newsroom/staff", "/newsroom/audit", "/newsroom/profile", "/newsroom/settings" })
        {
            var page = await admin.GetDocumentAsync(path);
            Assert.Equal("ru", page.DocumentElement.GetAttribute("lang"));
            Assert.Null(page.QuerySelector(".masthead"));
            Assert.Null(page.QuerySelector("footer"));
            Assert.Contains("Выйти", page.QuerySelector(".newsroom-bar")!.TextContent, StringComparison.Ordinal);
        }
        Assert.Equal("Сотрудники", (await admin.GetDocumentAsync("/newsroom/staff")).QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_person_who_chose_english_reads_the_newsroom_in_english_on_a_russian_site()
    {
        await publication.SettingsAsync(s => s.Language = "ru");
        var admin = await app.SignedInAsync(StaffRoles.Admin);
        var other = await app.SignedInAsync(StaffRoles.Admin);

        using var chosen = await admin.SubmitAsync("/newsroom/profile", null, ("Input.Language", "en"));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, chosen.StatusCode);

        var page = await admin.GetDocumentAsync("/newsroom/staff");
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Staff", page.QuerySelector("h1")!.TextContent.Trim());
        // Only for that person: a colleague still reads the site's language.
        Assert.Equal("Сотрудники", (await other.GetDocumentAsync("/newsroom/staff")).QuerySelector("h1")!.TextContent.Trim());
        // The public site stays Russian for them.
        Assert.Equal("ru", (await admin.GetDocumentAsync("/")).DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task A_language_that_is_not_offered_is_refused()
    {
        var admin = await app.SignedInAsync(StaffRoles.Admin);
        using var refused = await admin.SubmitAsync("/newsroom/profile", null, ("Input.Language", "de"));
        Assert.Equal(System.Net.HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("en", (await admin.GetDocumentAsync("/newsroom/staff")).DocumentElement.GetAttribute("lang"));
    }
}
