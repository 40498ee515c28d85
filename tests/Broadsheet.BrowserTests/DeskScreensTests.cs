using Broadsheet.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Broadsheet.BrowserTests;

/// <summary>
/// The newsroom screens no other browser test walks through: the front page and its breaking strip, the audience
/// charts, notifications, the mail outbox, site pages, the rule book, the article lists and the question pages
/// before Unpublish and Delete, and the editor in Russian. At a desk's and a phone's width, in both languages:
/// <c>lang</c> right, nothing wider than the window, axe clean, a screenshot of each to look at.
/// </summary>
[Collection(LiveSiteCollection.Name)]
public sealed class DeskScreensTests(LiveSite site, ITestOutputHelper output)
{
    [Fact]
    public async Task The_remaining_newsroom_screens_fit_a_phone_speak_both_languages_and_pass_axe()
    {
        await using var context = await site.NewContextAsync(1280);
        var page = await context.NewPageAsync();
        await page.SignInAsAdminAsync(site);

        await page.OpenAsync("/newsroom?state=Published");
        var article = (await page.Locator(".desk-table a[href^='/newsroom/articles/']").First.GetAttributeAsync("href"))!;
        await page.OpenAsync("/newsroom/pages");
        var sitePage = await page.Locator("a[href^='/newsroom/pages/']").CountAsync() > 0
            ? await page.Locator("a[href^='/newsroom/pages/']").First.GetAttributeAsync("href")
            : null;

        var screens = new List<(string Path, string Name)>
        {
            ("/newsroom/front-page", "front-page"), ("/newsroom/audience", "audience"), ("/newsroom/notifications", "notifications"),
            ("/newsroom/mail", "outbox"), ("/newsroom/pages", "pages"), ("/newsroom/moderation/rules", "rules"),
            ("/newsroom?state=InReview", "in-review"), ("/newsroom?state=Published", "published"),
            (article + "/confirm/unpublish", "confirm-unpublish"), (article + "/confirm/delete", "confirm-delete"),
            ("/newsroom/articles/new", "editor"),
        };
        if (sitePage is not null) screens.Add((sitePage, "site-page"));

        try
        {
            foreach (var language in new[] { "en", "ru" })
            {
                await SetLanguageAsync(page, language);
                foreach (var width in new[] { 1280, 390 })
                {
                    await page.SetViewportSizeAsync(width, 900);
                    foreach (var (path, name) in screens)
                    {
                        await page.OpenAsync(path);
                        Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
                        Assert.Equal(0, await page.Locator(".masthead, footer").CountAsync());
                        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
                        Assert.True(overflow <= 0, $"{path} at {width} px in {language} scrolls sideways by {overflow} px");
                        await page.ScreenshotAsync(site, $"desk-{name}-{language}-{width}");
                        await page.AssertAccessibleAsync(output);
                    }
                }
            }
            // Nothing on the question pages acted by being opened.
            await page.OpenAsync("/newsroom?state=Published");
            Assert.Equal(1, await page.Locator($".desk-table a[href='{article}']").CountAsync());
        }
        finally
        {
            await page.SetViewportSizeAsync(1280, 900);
            await SetLanguageAsync(page, "en");
        }
    }

    private static async Task SetLanguageAsync(IPage page, string language)
    {
        await page.OpenAsync("/newsroom/settings");
        await page.SelectOptionAsync("#Input_Language", language);
        await page.SubmitAsync(".desk-form__actions button[type=submit]");
    }
}
