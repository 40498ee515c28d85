using Broadsheet.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Broadsheet.BrowserTests;

/// <summary>
/// The newsroom's own layout on a phone and on a desk, in English and in Russian (the person's own choice):
/// no screen scrolls sideways at 390 px, the menu folds behind a button there, <c>lang</c> says the language,
/// and axe finds nothing serious. Screenshots of Staff, Profile and a translated screen for each.
/// </summary>
[Collection(LiveSiteCollection.Name)]
public sealed class PeopleScreensTests(LiveSite site, ITestOutputHelper output)
{
    private static readonly string[] Screens =
        ["/newsroom/staff", "/newsroom/profile", "/newsroom/readers", "/newsroom/settings", "/newsroom/audit",
         "/newsroom/taxonomy/rubrics", "/newsroom/taxonomy/tags", "/newsroom/taxonomy/authors", "/newsroom/typo-reports",
         "/newsroom/security", "/newsroom/newsletter"];

    [Fact]
    public async Task Newsroom_screens_fit_a_phone_and_speak_the_chosen_language()
    {
        foreach (var width in new[] { 390, 1280 })
        {
            await using var context = await site.NewContextAsync(width);
            var page = await context.NewPageAsync();
            await page.SignInAsAdminAsync(site);
            try
            {
                foreach (var language in new[] { "en", "ru" })
                {
                    await ChooseLanguageAsync(page, language);
                    foreach (var path in Screens)
                    {
                        await page.OpenAsync(path);
                        Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
                        Assert.Equal(0, await page.Locator(".masthead, footer").CountAsync());
                        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
                        Assert.True(overflow <= 0, $"{path} at {width} px in {language} scrolls sideways by {overflow} px");
                        await page.AssertAccessibleAsync(output);
                        if (path is "/newsroom/staff" or "/newsroom/profile" or "/newsroom/settings")
                            await page.ScreenshotAsync(site, $"people-{path.Split('/').Last()}-{language}-{width}");
                    }
                    if (width == 390)
                    {
                        var toggle = page.Locator("[data-newsroom-toggle]");
                        Assert.False(await page.Locator("#newsroom-menu").IsVisibleAsync());
                        await toggle.ClickAsync();
                        Assert.True(await page.Locator("#newsroom-menu").IsVisibleAsync());
                        await page.ScreenshotAsync(site, $"people-menu-open-{language}-390");
                    }
                }
                // Russian was chosen last.
                Assert.Equal("Сотрудники", await StaffTitleAsync(page));
            }
            finally
            {
                // The admin is shared with the other browser tests: they expect the site's language.
                await ChooseLanguageAsync(page, "");
            }
        }
    }

    private static async Task<string> StaffTitleAsync(IPage page)
    {
        await page.OpenAsync("/newsroom/staff");
        return (await page.Locator("h1").InnerTextAsync()).Trim();
    }

    private static async Task ChooseLanguageAsync(IPage page, string language)
    {
        await page.OpenAsync("/newsroom/profile");
        await page.SelectOptionAsync("#Input_Language", language);
        await page.SubmitAsync("main form button[type=submit]");
    }
}
