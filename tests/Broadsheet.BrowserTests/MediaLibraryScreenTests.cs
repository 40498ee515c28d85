using Broadsheet.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Broadsheet.BrowserTests;

/// <summary>
/// The media library and a picture's page, at a desk's width and a phone's: an upload with its alt text,
/// found again by search, edited on its own page; no horizontal scrolling, and axe finds nothing serious.
/// </summary>
[Collection(LiveSiteCollection.Name)]
public sealed class MediaLibraryScreenTests(LiveSite site, ITestOutputHelper output)
{
    [Fact]
    public async Task The_library_and_a_picture_page_work_and_are_accessible_at_1280_and_390_pixels()
    {
        var caption = "Ferry at the pier " + Guid.NewGuid().ToString("N")[..6];
        foreach (var width in new[] { 1280, 390 })
        {
            await using var context = await site.NewContextAsync(width);
            var page = await context.NewPageAsync();
            await page.SignInAsAdminAsync(site);
            await page.OpenAsync("/newsroom/media");
            if (width == 1280)
            {
                var demo = await page.APIRequest.GetAsync("/media/demo/figure-2-1200w.jpg");
                await page.SetInputFilesAsync("#upload", new FilePayload { Name = "ferry.jpg", MimeType = "image/jpeg", Buffer = await demo.BodyAsync() });
                await page.FillAsync("#Caption", caption);
                await page.FillAsync("#Credit", "Photo: the test");
                await page.FillAsync("#AltText", "A white ferry moored at a wooden pier");
                await page.SubmitAsync("form[enctype] button[type=submit]");
            }
            await page.FillAsync("#media-q", caption);
            await page.SubmitAsync(".media-search button[type=submit]");
            Assert.Equal(1, await page.Locator(".media-library__item").CountAsync());
            Assert.Equal("A white ferry moored at a wooden pier", await page.Locator(".media-library__item img").GetAttributeAsync("alt"));
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"), "the library scrolls sideways");
            await page.ScreenshotAsync(site, $"media-library-{width}");
            await page.AssertAccessibleAsync(output);

            await page.FollowAsync(page.Locator(".media-library__item a[href^='/newsroom/media/']"));
            Assert.Equal("A white ferry moored at a wooden pier", await page.InputValueAsync("#AltText"));
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"), "the picture page scrolls sideways");
            await page.ScreenshotAsync(site, $"media-picture-{width}");
            await page.AssertAccessibleAsync(output);
        }
    }
}
