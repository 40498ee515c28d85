using AngleSharp.Html.Parser;
using Broadsheet.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Broadsheet.BrowserTests;

/// <summary>
/// The front-page screen's drag-and-drop, done with the mouse as an editor does it (press on a story, move over
/// another, release), and its keyboard alternative: each new order is saved, and a reader's home page shows it.
/// </summary>
[Collection(LiveSiteCollection.Name)]
public sealed class FrontPageCurationTests(LiveSite site, ITestOutputHelper output)
{
    [Theory]
    [InlineData("en", "Saved the top stories.")]
    [InlineData("ru", "Главные материалы сохранены.")]
    public async Task An_editor_drags_the_third_story_to_the_lead_and_readers_see_the_new_order(string language, string saved)
    {
        await using var context = await site.NewContextAsync(1280);
        var page = await context.NewPageAsync();
        await page.SignInAsAdminAsync(site);
        await page.SetSiteLanguageAsync(language);
        try
        {
            // Three top stories at least (the demo marks fewer as important): recent stories added at the end.
            await page.OpenAsync("/newsroom/front-page");
            for (var count = (await StoriesAsync(page)).Count; count < 3; count++)
            {
                await page.SelectOptionAsync("#add-position", (count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                await page.SubmitAsync("form[action*='handler=Add'] button[type=submit]");
            }
            var shown = await StoriesAsync(page);
            Assert.True(shown.Count >= 3, $"The front page has {shown.Count} top stories after adding; the test drags the third.");
            Assert.Equal(shown, await HomePageTopAsync());

            // The third story dragged over the second to the top edge of the lead.
            var items = page.Locator("[data-curation-list] > li");
            var places = await items.Locator(".curation__place").AllInnerTextsAsync();
            await page.EvaluateAsync("() => { window.beforeSubmit = true; }");
            await DragAsync(page, from: 2, to: 0);
            // Before the drop, the story already stands first, under the lead's label: labels name places, not stories.
            List<string> dragged = [shown[2], shown[0], shown[1], .. shown.Skip(3)];
            Assert.Equal(dragged, await StoriesAsync(page));
            Assert.Equal(places, await items.Locator(".curation__place").AllInnerTextsAsync());
            await page.ScreenshotAsync(site, $"front-page-dragging-{language}-1280");
            await page.Mouse.UpAsync();
            await page.WaitForFunctionAsync("() => !window.beforeSubmit", null, new PageWaitForFunctionOptions { Timeout = LiveSite.StepTimeoutMs });
            await page.WaitUntilLoadedAsync();

            Assert.Equal(saved, (await page.Locator(".desk__notice[role=status]").InnerTextAsync()).Trim());
            Assert.Equal(dragged, await StoriesAsync(page));
            Assert.Equal(dragged, await HomePageTopAsync());
            await page.ScreenshotAsync(site, $"front-page-dropped-{language}-1280");
            await page.AssertAccessibleAsync(output);

            // A drag given up with Escape puts the story back and saves nothing.
            await page.EvaluateAsync("() => { window.beforeSubmit = true; }");
            await DragAsync(page, from: 2, to: 0);
            await page.Keyboard.PressAsync("Escape");
            await page.Mouse.UpAsync();
            Assert.Equal(dragged, await StoriesAsync(page));
            Assert.Equal(places, await items.Locator(".curation__place").AllInnerTextsAsync());
            Assert.True(await page.EvaluateAsync<bool>("() => window.beforeSubmit === true"), "A cancelled drag submitted the order.");
            Assert.Equal(dragged, await HomePageTopAsync());

            // Without a mouse, on a phone: the new lead's Down button, reached from the keyboard, puts it second.
            await page.SetViewportSizeAsync(390, 900);
            var down = page.Locator("[data-curation-list] > li:first-child button[value='1']");
            await down.FocusAsync();
            await page.EvaluateAsync("() => { window.beforeSubmit = true; }");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForFunctionAsync("() => !window.beforeSubmit", null, new PageWaitForFunctionOptions { Timeout = LiveSite.StepTimeoutMs });
            await page.WaitUntilLoadedAsync();

            List<string> moved = [shown[0], shown[2], shown[1], .. shown.Skip(3)];
            Assert.Equal(moved, await StoriesAsync(page));
            Assert.Equal(moved, await HomePageTopAsync());
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"The front-page screen at 390 px in {language} scrolls sideways by {overflow} px");
            await page.ScreenshotAsync(site, $"front-page-moved-{language}-390");
        }
        finally
        {
            // The other tests read the demo's own front page.
            await page.SetViewportSizeAsync(1280, 900);
            await page.OpenAsync("/newsroom/front-page");
            if (await page.Locator("form[action*='handler=Automatic']").CountAsync() > 0)
                await page.SubmitAsync("form[action*='handler=Automatic'] button");
            await page.SetSiteLanguageAsync("en");
        }
    }

    /// <summary>
    /// Presses on a story's place label (not its link or buttons) and moves, in steps as a hand moves, to the top edge
    /// of another; the whole list in the window first (the mouse acts where the window shows things, and a save leaves
    /// the page scrolled to a story).
    /// </summary>
    private static async Task DragAsync(IPage page, int from, int to)
    {
        await page.EvaluateAsync("() => document.querySelector('[data-curation-list]').scrollIntoView({ block: 'center' })");
        var items = page.Locator("[data-curation-list] > li");
        var source = (await items.Nth(from).Locator(".curation__place").BoundingBoxAsync())!;
        var target = (await items.Nth(to).BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(source.X + source.Width / 2, source.Y + source.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(target.X + target.Width / 2, target.Y + 4, new MouseMoveOptions { Steps = 12 });
    }

    /// <summary>The addresses of the top stories in the screen's order.</summary>
    private static async Task<List<string>> StoriesAsync(IPage page) =>
        [.. await page.Locator("[data-curation-list] > li .curation__title").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))")];

    /// <summary>The addresses of the top stories as a reader who is not signed in gets the home page.</summary>
    private async Task<List<string>> HomePageTopAsync()
    {
        await using var context = await site.NewContextAsync(1280);
        var reader = await context.NewPageAsync();
        await reader.OpenAsync("/");
        var document = await new HtmlParser().ParseDocumentAsync(await reader.ContentAsync());
        return [.. document.QuerySelectorAll(".top .teaser__title a").Select(a => a.GetAttribute("href")!)];
    }
}
