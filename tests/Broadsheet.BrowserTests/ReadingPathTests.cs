using System.Text.RegularExpressions;
using Broadsheet.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Broadsheet.BrowserTests;

[Collection(LiveSiteCollection.Name)]
public sealed partial class ReadingPathTests(LiveSite site, ITestOutputHelper output)
{
    [Theory]
    [InlineData("desktop", 1280)]
    [InlineData("phone", 390)]
    public async Task Reader_goes_from_the_front_page_through_an_article_and_its_tag_to_a_day_of_the_archive(string device, int width)
    {
        await using var context = await site.NewContextAsync(width);
        var page = await context.NewPageAsync();

        await page.OpenAsync("/");
        await page.ScreenshotAsync(site, $"{device}-1-home");
        await page.AssertAccessibleAsync(output);

        var story = page.Locator(".teasers .teaser__title a").First;
        var headline = (await story.InnerTextAsync()).Trim();
        await page.FollowAsync(story);
        Assert.Matches(ArticlePath(), new Uri(page.Url).AbsolutePath);
        Assert.Equal(headline, (await page.Locator("h1.story__title").InnerTextAsync()).Trim());
        await page.ScreenshotAsync(site, $"{device}-2-article");
        await page.AssertAccessibleAsync(output);

        var tag = page.Locator(".story__tags a").First;
        var tagName = (await tag.InnerTextAsync()).Trim();
        await page.FollowAsync(tag);
        Assert.Contains(tagName, await page.Locator("main h1").InnerTextAsync());
        Assert.True(await page.Locator(".teasers .teaser").CountAsync() > 0, "The tag page lists no articles.");
        await page.ScreenshotAsync(site, $"{device}-3-tag");
        await page.AssertAccessibleAsync(output);

        await page.FollowAsync(page.Locator(".masthead__name"));
        var day = page.Locator(".calendar .calendar__day--has a").Last;
        await day.ScrollIntoViewIfNeededAsync(new LocatorScrollIntoViewIfNeededOptions { Timeout = LiveSite.StepTimeoutMs });
        var dayPath = await day.GetAttributeAsync("href");
        await page.FollowAsync(day);
        Assert.Equal(dayPath, new Uri(page.Url).AbsolutePath);
        var listed = await page.Locator(".archive__list .teaser__title a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.NotEmpty(listed);
        Assert.All(listed, href => Assert.StartsWith(dayPath + "/", href));
        await page.ScreenshotAsync(site, $"{device}-4-day");
        await page.AssertAccessibleAsync(output);
    }

    [GeneratedRegex(@"^/\d{4}/\d{2}/\d{2}/[^/]+$")]
    private static partial Regex ArticlePath();
}
