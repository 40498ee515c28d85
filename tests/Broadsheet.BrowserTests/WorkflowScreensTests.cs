using System.Globalization;
using Broadsheet.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Broadsheet.BrowserTests;

/// <summary>
/// The workflow screens an editor lives in (the dashboard, an article's notes, its revisions diff) at a
/// phone's and a desk's width, in English and in Russian: screenshots to look at, and axe on each.
/// </summary>
[Collection(LiveSiteCollection.Name)]
public sealed class WorkflowScreensTests(LiveSite site, ITestOutputHelper output)
{
    [Fact]
    public async Task Dashboard_notes_and_revisions_read_well_and_pass_axe_at_both_widths_in_both_languages()
    {
        await using var context = await site.NewContextAsync(1280);
        var page = await context.NewPageAsync();
        await page.SignInAsAdminAsync(site);

        var title = "Tram line extended " + Guid.NewGuid().ToString("N")[..6];
        await page.OpenAsync("/newsroom/articles/new");
        await page.FillAsync("#Input_Title", title);
        await page.FillAsync("#Input_Body", "The first paragraph stays as it was.\n\nThe tram now runs to the harbour every nine minutes.\n\nThe last paragraph stays too.");
        await page.SubmitAsync("button[formaction*='handler=Save']");
        var articlePath = new Uri(page.Url).AbsolutePath;
        await page.FillAsync("#Input_Body", "The first paragraph stays as it was.\n\nThe tram now runs to the new harbour every six minutes.\n\nThe last paragraph stays too.");
        await page.SubmitAsync("button[formaction*='handler=Submit']");
        await page.FillAsync("#workflow-note", "Check the timetable with the city before this goes out.");
        await page.SubmitAsync("form[action*='handler=Note'] button");
        Assert.Contains("Check the timetable", await page.Locator(".desk-notes").InnerTextAsync());

        try
        {
            foreach (var language in new[] { "en", "ru" })
            {
                await SetLanguageAsync(page, language);
                foreach (var width in new[] { 1280, 390 })
                {
                    await page.SetViewportSizeAsync(width, 900);
                    foreach (var (path, name) in new[] { ("/newsroom", "dashboard"), (articlePath + "#workflow", "notes"), (articlePath + "/revisions", "revisions") })
                    {
                        await page.OpenAsync(path);
                        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
                            $"{path} scrolls sideways at {width} px ({language})");
                        await page.ScreenshotAsync(site, string.Create(CultureInfo.InvariantCulture, $"workflow-{name}-{language}-{width}"));
                        await page.AssertAccessibleAsync(output);
                    }
                }
            }
        }
        finally
        {
            await page.SetViewportSizeAsync(1280, 900);
            await SetLanguageAsync(page, "en");
        }

        await page.OpenAsync(articlePath + "/revisions");
        Assert.Equal("nine", await page.Locator(".diff del").First.InnerTextAsync());
        Assert.Equal(2, await page.Locator(".diff").Nth(2).Locator("details.diff__folded").CountAsync());
    }

    private static async Task SetLanguageAsync(IPage page, string language)
    {
        await page.OpenAsync("/newsroom/settings");
        await page.SelectOptionAsync("#Input_Language", language);
        await page.SubmitAsync(".desk-form__actions button[type=submit]");
    }
}
