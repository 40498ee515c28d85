using System.Net;
using Broadsheet.Features.Accounts;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Pages;

public sealed class FooterTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public FooterTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task The_imprint_an_administrator_enters_is_in_every_footer_in_the_sites_language()
    {
        var admin = await app.SignedInAsync(StaffRoles.Admin);
        using var saved = await admin.SubmitAsync("/newsroom/settings", null,
            ("Input.Language", "ru"), ("Input.Publisher", "ООО «Вечерний листок»"), ("Input.EditorInChief", "И. И. Иванова"),
            ("Input.RegistrationNumber", "Эл № ФС77-12345 от 01.02.2020"), ("Input.AgeRating", "16+"),
            ("Input.EditorialAddress", "Москва, ул. Тверская, 1"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        await publication.ArticleAsync("Мост открыт");
        foreach (var path in (string[])["/", "/search"])
        {
            var imprint = (await app.GetPageAsync(path)).QuerySelector(".footer__imprint")!;
            var lines = imprint.QuerySelectorAll("p").Select(p => p.TextContent.Trim()).ToList();
            Assert.Contains("Учредитель: ООО «Вечерний листок»", lines);
            Assert.Contains("Главный редактор: И. И. Иванова", lines);
            Assert.Contains("Свидетельство о регистрации СМИ: Эл № ФС77-12345 от 01.02.2020", lines);
            Assert.Contains("Адрес редакции: Москва, ул. Тверская, 1", lines);
            Assert.Equal("16+", imprint.QuerySelector(".footer__age")!.TextContent);
        }
    }

    [Fact]
    public async Task Empty_imprint_lines_are_left_out()
    {
        await publication.SettingsAsync(s => s.Publisher = "The Broadsheet Company");
        var imprint = (await app.GetPageAsync("/")).QuerySelector(".footer__imprint")!;
        Assert.Equal(2, imprint.QuerySelectorAll("p").Length);
        Assert.Null(imprint.QuerySelector(".footer__age"));
    }

    [Fact]
    public async Task An_age_rating_the_law_does_not_know_is_refused()
    {
        var admin = await app.SignedInAsync(StaffRoles.Admin);
        using var refused = await admin.SubmitAsync("/newsroom/settings", null, ("Input.AgeRating", "21+"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotNull((await refused.ParseAsync()).QuerySelector(".field-validation-error"));
        Assert.Null(await app.WithDbAsync(db => db.SiteSettings.Select(s => s.AgeRating).SingleAsync()));
    }
}
