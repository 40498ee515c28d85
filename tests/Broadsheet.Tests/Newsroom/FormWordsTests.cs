using System.Net;
using Broadsheet.Features.Accounts;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Newsroom;

/// <summary>Messages from a form's data annotations speak the person's newsroom language, not .NET's English.</summary>
public sealed class FormWordsTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public FormWordsTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    private static async Task<string> ErrorForAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        return page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent.Trim();
    }

    [Fact]
    public async Task A_russian_newsroom_user_who_saves_an_article_without_a_title_is_told_in_russian()
    {
        await publication.SettingsAsync(s => s.Language = "ru");
        var editor = await app.SignedInAsync(StaffRoles.Editor);

        using var refused = await editor.SubmitAsync("/newsroom/articles/new", "Save", ("Input.Title", ""), ("Input.Body", "Текст без заголовка."));

        Assert.Equal("Укажите заголовок материала.", await ErrorForAsync(refused, "Input.Title"));
    }

    [Fact]
    public async Task A_message_net_writes_itself_names_the_field_in_the_persons_language()
    {
        await publication.SettingsAsync(s => s.Language = "ru");
        var admin = await app.SignedInAsync(StaffRoles.Admin);

        using (var russian = await admin.SubmitAsync("/newsroom/settings", null, ("Input.PublicationName", "")))
            Assert.Equal("Заполните поле «Название издания».", await ErrorForAsync(russian, "Input.PublicationName"));
        using (var tooLong = await admin.SubmitAsync("/newsroom/settings", null, ("Input.Channels", new string('я', 4001))))
            Assert.Equal("Поле «Каналы» слишком длинное: не больше 4000 знаков.", await ErrorForAsync(tooLong, "Input.Channels"));

        using var chosen = await admin.SubmitAsync("/newsroom/profile", null, ("Input.Language", "en"));
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        using var english = await admin.SubmitAsync("/newsroom/settings", null, ("Input.PublicationName", ""));
        Assert.Equal("Fill in “Publication name”.", await ErrorForAsync(english, "Input.PublicationName"));
    }
}
