using Broadsheet.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Broadsheet.BrowserTests;

/// <summary>
/// The article editor as a writer uses it: the preview follows the typing, a shortcut formats, a picture
/// comes from the media library through the picker, and the first keystrokes already made a draft.
/// </summary>
[Collection(LiveSiteCollection.Name)]
public sealed class EditorTests(LiveSite site, ITestOutputHelper output)
{
    private static readonly LocatorAssertionsToContainTextOptions Soon = new() { Timeout = LiveSite.StepTimeoutMs };

    [Fact]
    public async Task Typing_shows_in_the_preview_a_shortcut_formats_and_the_picker_inserts_a_figure()
    {
        await using var context = await site.NewContextAsync(1280);
        var page = await context.NewPageAsync();
        await page.SignInAsAdminAsync(site);

        // A picture in the library, with the caption and credit the figure must carry.
        var caption = "Harbour cranes at dusk " + Guid.NewGuid().ToString("N")[..6];
        await page.OpenAsync("/newsroom/media");
        var png = Convert.FromBase64String(await page.EvaluateAsync<string>(
            "() => { const c = document.createElement('canvas'); c.width = 1200; c.height = 800; const g = c.getContext('2d');"
            + " g.fillStyle = '#345'; g.fillRect(0, 0, 1200, 800); g.fillStyle = '#e84'; g.fillRect(300, 200, 600, 400);"
            + " return c.toDataURL('image/png').split(',')[1]; }"));
        await page.SetInputFilesAsync("#upload", new FilePayload { Name = "cranes.png", MimeType = "image/png", Buffer = png });
        await page.FillAsync("#Caption", caption);
        await page.FillAsync("#Credit", "Test Photographer");
        await page.SubmitAsync("form[enctype] button[type=submit]");

        await page.OpenAsync("/newsroom/articles/new");
        var title = "Port reopens " + Guid.NewGuid().ToString("N")[..6];
        await page.FillAsync("#Input_Title", title);
        var body = page.Locator("#Input_Body");
        await body.ClickAsync();
        await page.Keyboard.TypeAsync("Ships are back. ");

        // The preview follows, in the public article's markup.
        var preview = page.Locator("[data-preview-body]");
        await Assertions.Expect(preview.Locator(".story__title")).ToContainTextAsync(title, Soon);
        await Assertions.Expect(preview.Locator(".story__body")).ToContainTextAsync("Ships are back.", Soon);

        // Ctrl+B: bold around what is typed next.
        await page.Keyboard.PressAsync("Control+b");
        await page.Keyboard.TypeAsync("Cargo moves");
        Assert.Equal("Ships are back. **Cargo moves**", await body.InputValueAsync());
        await Assertions.Expect(preview.Locator(".story__body strong")).ToContainTextAsync("Cargo moves", Soon);

        // The first keystrokes made a draft: the address is now the article's own.
        await page.WaitForPageAsync(new System.Text.RegularExpressions.Regex(@"/newsroom/articles/\d+$"));
        await Assertions.Expect(page.Locator("[data-autosave-status]")).Not.ToBeEmptyAsync(new LocatorAssertionsToBeEmptyOptions { Timeout = LiveSite.StepTimeoutMs });

        // The picker: search by caption, choose, and the figure lands in the text with caption and credit.
        await page.Keyboard.PressAsync("End");
        await page.ClickAsync("[data-format=figure]");
        var dialog = page.Locator("dialog[data-picker]");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await page.FillAsync("[data-picker-search]", caption.Split(' ')[^1]);
        var item = dialog.Locator(".picker__item", new LocatorLocatorOptions { HasText = caption });
        await Assertions.Expect(item).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = LiveSite.StepTimeoutMs });
        await Assertions.Expect(dialog.Locator(".picker__item")).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = LiveSite.StepTimeoutMs });
        await page.ScreenshotAsync(site, "editor-picker-1280");
        await page.AssertAccessibleAsync(output);
        await item.ClickAsync();
        await Assertions.Expect(dialog).Not.ToBeVisibleAsync();
        var text = await body.InputValueAsync();
        Assert.Contains($"\n\n^^^\n![{caption}](/media/uploads/", text);
        Assert.Contains($"^^^ {caption} — Test Photographer", text);
        await Assertions.Expect(preview.Locator(".story__body figure figcaption")).ToContainTextAsync(caption + " — Test Photographer", Soon);

        await page.ScreenshotAsync(site, "editor-1280");
        await page.AssertAccessibleAsync(output);

        // On a phone: "Write" and "Preview" are tabs.
        await page.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(page.Locator("[data-preview-pane]")).Not.ToBeVisibleAsync();
        await page.ClickAsync("[role=tab][data-tab=preview]");
        await Assertions.Expect(page.Locator("[data-preview-pane] .story__title")).ToBeVisibleAsync();
        await Assertions.Expect(body).Not.ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The editor scrolls sideways at 390 px.");
        await page.ScreenshotAsync(site, "editor-preview-390");
        await page.ClickAsync("[role=tab][data-tab=write]");
        await page.ScreenshotAsync(site, "editor-390");
        await page.AssertAccessibleAsync(output);
    }
}
