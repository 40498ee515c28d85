using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Broadsheet.BrowserTests.Support;

/// <summary>What every browser test does to a page it reaches: a screenshot to look at, and axe.</summary>
public static class PageChecks
{
    /// <summary>Opens a page by its address; <paramref name="until"/> NetworkIdle when the test reads what the page's requests left behind.</summary>
    public static async Task OpenAsync(this IPage page, string path, WaitUntilState until = WaitUntilState.Load)
    {
        var response = await page.GotoAsync(path, new PageGotoOptions { Timeout = LiveSite.StepTimeoutMs, WaitUntil = until });
        Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}");
    }

    /// <summary>Follows a link as a reader does and waits for the page it leads to (its address, or with a query after it).</summary>
    public static async Task FollowAsync(this IPage page, ILocator link)
    {
        await link.ScrollIntoViewIfNeededAsync(new LocatorScrollIntoViewIfNeededOptions { Timeout = LiveSite.StepTimeoutMs });
        var href = await link.GetAttributeAsync("href") ?? throw new InvalidOperationException("The link has no href.");
        var target = new Uri(new Uri(page.Url), href).AbsoluteUri;
        await link.ClickAsync(new LocatorClickOptions { Timeout = LiveSite.StepTimeoutMs });
        await page.WaitForPageAsync(new Regex("^" + Regex.Escape(target) + @"(\?[^#]*)?(#.*)?$"));
    }

    /// <summary>
    /// Waits until the page is at <paramref name="address"/> and has loaded. Playwright's own WaitForURLAsync and
    /// WaitForLoadStateAsync look at the load states they have heard of, then subscribe to the next one from another
    /// thread: a state that arrives between the two is missed and the wait runs to its timeout (a CI run failed so, its
    /// log ending in "NetworkIdle" fired while it still waited for DOMContentLoaded). Both are asked of the browser here.
    /// </summary>
    public static async Task WaitForPageAsync(this IPage page, Regex address)
    {
        await Assertions.Expect(page).ToHaveURLAsync(address, new PageAssertionsToHaveURLOptions { Timeout = LiveSite.StepTimeoutMs });
        await page.WaitUntilLoadedAsync();
    }

    /// <summary>Waits for the document now in the page to finish loading (after a navigation that was already seen to start).</summary>
    public static Task WaitUntilLoadedAsync(this IPage page) =>
        page.WaitForFunctionAsync("() => document.readyState === 'complete'", null, new PageWaitForFunctionOptions { Timeout = LiveSite.StepTimeoutMs });

    public static async Task ScreenshotAsync(this IPage page, LiveSite site, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(LiveSite.ScreenshotDirectory, name + ".png"),
            FullPage = true,
            Timeout = LiveSite.StepTimeoutMs,
        });

    /// <summary>Fails on any axe violation a reader would be hurt by (impact serious or critical), listing each one.</summary>
    public static async Task AssertAccessibleAsync(this IPage page, ITestOutputHelper output)
    {
        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        var report = new StringBuilder();
        foreach (var v in result.Violations)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"[{v.Impact}] {v.Id}: {v.Help} ({page.Url})");
            foreach (var node in v.Nodes.Take(5))
                report.AppendLine(CultureInfo.InvariantCulture, $"    {node.Html}\n      {string.Join("; ", node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message))}");
        }
        if (report.Length > 0) output.WriteLine(report.ToString());
        Assert.True(blocking.Count == 0, $"axe found serious or critical violations on {page.Url}:\n{report}");
    }
}
