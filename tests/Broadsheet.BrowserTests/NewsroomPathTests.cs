using System.Globalization;
using System.Text.RegularExpressions;
using Broadsheet.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Broadsheet.BrowserTests;

/// <summary>
/// Issue 3 end to end, on the real clock: the first administrator sets a password through the
/// setup link the app logged, uploads a picture, writes an article with it as the cover, schedules
/// it a minute or two ahead, sees it reach the home page when its time comes, and corrects it.
/// </summary>
[Collection(LiveSiteCollection.Name)]
public sealed partial class NewsroomPathTests(LiveSite site, ITestOutputHelper output)
{
    /// <summary>The schedule has minute precision and the job polls every 15 s: at most two minutes and a bit.</summary>
    private static readonly TimeSpan PublishingDeadline = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task An_editor_writes_an_article_with_a_picture_schedules_it_sees_it_go_out_and_corrects_it()
    {
        await using var context = await site.NewContextAsync(1280);
        var page = await context.NewPageAsync();

        // 1. The first administrator signs in (through the setup link the app logged, unless another test spent it).
        await page.SignInAsAdminAsync(site);

        // 2. A picture, drawn by the browser itself, into the media library.
        await page.OpenAsync("/newsroom/media");
        var png = Convert.FromBase64String(await page.EvaluateAsync<string>(
            "() => { const c = document.createElement('canvas'); c.width = 1800; c.height = 900; const g = c.getContext('2d');"
            + " g.fillStyle = '#234'; g.fillRect(0, 0, 1800, 900); g.fillStyle = '#fc3'; g.beginPath(); g.arc(900, 450, 300, 0, 7); g.fill();"
            + " return c.toDataURL('image/png').split(',')[1]; }"));
        await page.SetInputFilesAsync("#upload", new FilePayload { Name = "sunrise.png", MimeType = "image/png", Buffer = png });
        await page.FillAsync("#Caption", "Sunrise over the new bridge");
        await page.FillAsync("#Credit", "Photo: the test");
        await page.SubmitAsync("form[enctype] button[type=submit]");
        var coverPath = await page.Locator(".media-library__item input").First.InputValueAsync();
        Assert.Matches(UploadPath(), coverPath);
        await page.ScreenshotAsync(site, "newsroom-1-media");

        // 3. The article, scheduled for the next whole minute but one, in the site's time zone (the demo's is Moscow).
        var title = "Bridge opens at dawn " + Guid.NewGuid().ToString("N")[..6];
        await page.OpenAsync("/newsroom/articles/new");
        await page.FillAsync("#Input_Title", title);
        await page.FillAsync("#Input_Lead", "The city's new bridge opened to traffic at sunrise.");
        await page.FillAsync("#Input_Body", "The bridge is 3 km long.\n\nThe mayor cut the ribbon.");
        await page.FillAsync("#Input_CoverImage", coverPath);
        await page.FillAsync("#Input_CoverCaption", "Sunrise over the new bridge");
        var moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, moscow);
        var at = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0).AddMinutes(2);
        await page.FillAsync("#Input_ScheduleAt", at.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await page.SubmitAsync("button[formaction*='handler=Schedule']");
        Assert.Equal($"Saved and scheduled for {at:d MMM yyyy, HH:mm} (Moscow time).", (await page.Locator(".desk__notice").InnerTextAsync()).Trim());
        await page.ScreenshotAsync(site, "newsroom-2-scheduled");

        // 4. Not out yet; out on the home page once its time has come.
        await page.OpenAsync("/");
        Assert.Equal(0, await page.Locator(".stream__list a", new PageLocatorOptions { HasText = title }).CountAsync());
        var deadline = DateTime.UtcNow + PublishingDeadline;
        while (await page.Locator(".stream__list a", new PageLocatorOptions { HasText = title }).CountAsync() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"\"{title}\" did not reach the home page by {at:HH:mm} Moscow time plus a minute.\n{site.ServerLog}");
            await Task.Delay(5000);
            await page.OpenAsync("/");
        }
        await page.ScreenshotAsync(site, "newsroom-3-home");
        await page.FollowAsync(page.Locator(".stream__list a", new PageLocatorOptions { HasText = title }));
        var cover = page.Locator(".story__cover img");
        Assert.Contains("960w", await cover.GetAttributeAsync("srcset"));
        Assert.True(await cover.EvaluateAsync<int>("img => img.decode().then(() => img.naturalWidth)") > 0, "The cover did not load.");
        var articlePath = new Uri(page.Url).AbsolutePath;

        // 5. A correction: the note shows at the article's foot.
        await page.OpenAsync("/newsroom?state=Published");
        await page.FollowAsync(page.Locator(".desk-table a", new PageLocatorOptions { HasText = title }));
        await page.FillAsync("#Input_Body", "The bridge is 300 m long.\n\nThe mayor cut the ribbon.");
        await page.CheckAsync("#Input_IsCorrection");
        await page.FillAsync("#Input_CorrectionNote", "The bridge is 300 m long, not 3 km.");
        await page.SubmitAsync("button[formaction*='handler=Save']");
        await page.OpenAsync(articlePath);
        Assert.Contains("The bridge is 300 m long, not 3 km.", await page.Locator(".story__corrections").InnerTextAsync());
        Assert.Contains("300 m long.", await page.Locator(".story__body").InnerTextAsync());
        await page.ScreenshotAsync(site, "newsroom-4-corrected");
        await page.AssertAccessibleAsync(output);
    }

    [GeneratedRegex(@"^/media/uploads/\d{4}/\d{2}/[0-9a-f]+-1600w\.png$")]
    private static partial Regex UploadPath();
}
