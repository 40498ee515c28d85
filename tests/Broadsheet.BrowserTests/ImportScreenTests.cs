using Broadsheet.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Broadsheet.BrowserTests;

/// <summary>
/// The WordPress import screen and a run's report, in English and Russian, at a desk's width and a phone's: the
/// form, a dry run of the real export (the shared demo site is left as it was), the report the page loads by
/// itself when the run ends; no sideways scrolling, and axe finds nothing serious.
/// </summary>
[Collection(LiveSiteCollection.Name)]
public sealed class ImportScreenTests(LiveSite site, ITestOutputHelper output)
{
    private static readonly string Export = Path.Combine(LiveSite.RepositoryRoot, "tests", "Broadsheet.Tests", "Import", "wordpress", "vecherniy-vestnik.wordpress.xml");

    [Fact]
    public async Task The_form_and_a_dry_runs_report_work_and_are_accessible_in_both_languages_at_1280_and_390_pixels()
    {
        await using var context = await site.NewContextAsync(1280);
        var page = await context.NewPageAsync();
        await page.SignInAsAdminAsync(site);
        try
        {
            foreach (var language in new[] { "en", "ru" })
            {
                await ChooseLanguageAsync(page, language);
                await page.SetViewportSizeAsync(1280, 900);
                await page.OpenAsync("/newsroom/import");
                await page.SetInputFilesAsync("#import-export", Export);
                await page.CheckAsync("input[name=DryRun]");
                await page.SubmitAsync("form.import-form button[type=submit]");
                Assert.Matches(@"/newsroom/import/\d+$", page.Url);
                // The script asks for the counts and loads the page again once the run has ended.
                await page.WaitForSelectorAsync(".import-report", new PageWaitForSelectorOptions { Timeout = 120_000 });
                var run = page.Url;
                foreach (var width in new[] { 1280, 390 })
                {
                    await page.SetViewportSizeAsync(width, 900);
                    await page.OpenAsync(run);
                    Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
                    Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"), "the report scrolls sideways");
                    await page.ScreenshotAsync(site, $"import-report-{language}-{width}");
                    await page.AssertAccessibleAsync(output);

                    await page.OpenAsync("/newsroom/import");
                    Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"), "the import screen scrolls sideways");
                    await page.ScreenshotAsync(site, $"import-screen-{language}-{width}");
                    await page.AssertAccessibleAsync(output);
                }
            }
        }
        finally
        {
            // The administrator is shared with the other screens' tests, which read English.
            await ChooseLanguageAsync(page, "");
        }
    }

    private static async Task ChooseLanguageAsync(IPage page, string language)
    {
        await page.OpenAsync("/newsroom/profile");
        await page.SelectOptionAsync("#Input_Language", language);
        await page.SubmitAsync("form:has(#Input_Language) button[type=submit]");
    }
}
