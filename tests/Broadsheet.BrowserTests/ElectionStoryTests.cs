using Broadsheet.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Broadsheet.BrowserTests;

/// <summary>
/// The demo's newest politics story carries a results block, a turnout chart and a YouTube link: the charts
/// are drawn without script and fit a phone, and the video is a placeholder that fetches nothing until clicked.
/// </summary>
[Collection(LiveSiteCollection.Name)]
public sealed class ElectionStoryTests(LiveSite site, ITestOutputHelper output)
{
    public static TheoryData<int, ColorScheme> WidthsAndThemes => new()
    {
        { 390, ColorScheme.Light }, { 1280, ColorScheme.Light }, { 390, ColorScheme.Dark }, { 1280, ColorScheme.Dark },
    };

    [Theory]
    [MemberData(nameof(WidthsAndThemes))]
    public async Task Results_and_chart_fit_the_window_and_pass_axe(int width, ColorScheme theme)
    {
        await using var context = await site.NewContextAsync(width, colorScheme: theme);
        var page = await context.NewPageAsync();
        await page.OpenAsync(await ElectionStoryAsync(page));

        Assert.Equal(2, await page.Locator(".story__body figure.data").CountAsync());
        Assert.Equal(5, await page.Locator(".data--results svg rect.data__bar").CountAsync());
        var chart = await page.Locator(".data--results svg").BoundingBoxAsync();
        Assert.True(chart is { Width: > 280 and <= 440 }, $"The results chart is {chart?.Width} px wide at {width} px.");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow} px wider than a {width} px window.");
        await page.Locator(".data--results").ScreenshotAsync(new LocatorScreenshotOptions
        {
            Path = Path.Combine(LiveSite.ScreenshotDirectory, $"data-blocks-{width}-{theme.ToString().ToLowerInvariant()}.png"),
        });
        await page.ScreenshotAsync(site, $"election-story-{width}-{theme.ToString().ToLowerInvariant()}");
        await page.AssertAccessibleAsync(output);
    }

    [Fact]
    public async Task The_video_loads_only_when_the_reader_asks()
    {
        await using var context = await site.NewContextAsync(1280);
        // Nothing may leave this machine: a third party's answer is played here, and every request to it is noted.
        var thirdParty = new List<string>();
        await context.RouteAsync(url => !url.StartsWith(site.Origin, StringComparison.Ordinal), async route =>
        {
            thirdParty.Add(route.Request.Url);
            await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html", Body = "<!doctype html><title>video</title><p>video</p>" });
        });
        var page = await context.NewPageAsync();
        await page.OpenAsync(await ElectionStoryAsync(page), WaitUntilState.NetworkIdle);

        var box = page.Locator(".story__body figure.embed");
        Assert.Equal("YouTube", await box.Locator(".embed__source").TextContentAsync());
        Assert.Equal(0, await page.Locator("iframe").CountAsync());
        Assert.Empty(thirdParty);
        await page.AssertAccessibleAsync(output);

        await box.Locator("button.embed__load").ClickAsync(new LocatorClickOptions { Timeout = LiveSite.StepTimeoutMs });

        var frame = box.Locator("iframe.embed__frame");
        await frame.WaitForAsync(new LocatorWaitForOptions { Timeout = LiveSite.StepTimeoutMs });
        Assert.Equal("https://www.youtube-nocookie.com/embed/M7lc1UVf-VE", await frame.GetAttributeAsync("src"));
        Assert.Equal("YouTube", await frame.GetAttributeAsync("title"));
        // The frame's request is the first and only one to leave the site.
        for (var i = 0; i < 100 && thirdParty.Count == 0; i++) await Task.Delay(100);
        Assert.Equal(["https://www.youtube-nocookie.com/embed/M7lc1UVf-VE"], thirdParty);
        await page.ScreenshotAsync(site, "election-story-video-opened");
    }

    [Fact]
    public async Task The_editor_preview_draws_a_block_as_typed_and_names_a_mistake()
    {
        await using var context = await site.NewContextAsync(1280);
        var page = await context.NewPageAsync();
        await page.SignInAsAdminAsync(site);
        await page.OpenAsync("/newsroom/articles/new");
        await page.FillAsync("#Input_Title", "Results night " + Guid.NewGuid().ToString("N")[..6]);
        var soon = new LocatorAssertionsToContainTextOptions { Timeout = LiveSite.StepTimeoutMs };
        var preview = page.Locator("[data-preview-body] .story__body");

        await page.FillAsync("#Input_Body", "```poll\ntitle: Voting intention\nmargin: 3\nunit: %\nParty A | 38\nParty B | abc\n```\n");
        await page.Locator("#Input_Body").PressAsync("End");
        await Assertions.Expect(preview.Locator(".data-notice")).ToContainTextAsync("«abc» is not a number", soon);

        await page.FillAsync("#Input_Body", "```poll\ntitle: Voting intention\nmargin: 3\nunit: %\nParty A | 38\nParty B | 27\n```\n");
        await page.Locator("#Input_Body").PressAsync("End");
        await Assertions.Expect(preview.Locator("figure.data caption")).ToContainTextAsync("Voting intention", soon);
        Assert.Equal(2, await preview.Locator("svg path.data__whisker").CountAsync());
        await preview.Locator("figure.data").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(LiveSite.ScreenshotDirectory, "editor-preview-poll.png") });
    }

    /// <summary>The newest politics story, where the demo puts its election figures.</summary>
    private static async Task<string> ElectionStoryAsync(IPage page)
    {
        // The demo's newest politics story carries the blocks; its live election night (entries below the body) may be newer.
        await page.OpenAsync("/rubric/politics");
        var hrefs = await page.Locator("main .teaser__title a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        foreach (var href in hrefs.Take(5))
        {
            await page.OpenAsync(href);
            if (await page.Locator(".story__body figure.data").CountAsync() > 0) return href;
        }
        throw new InvalidOperationException("No recent politics story carries the demo's data blocks.");
    }
}
