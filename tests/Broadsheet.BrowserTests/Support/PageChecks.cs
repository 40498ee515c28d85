using System.Globalization;
using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Broadsheet.BrowserTests.Support;

/// <summary>What every browser test does to a page it reaches: a screenshot to look at, and axe.</summary>
public static class PageChecks
{
    public static async Task OpenAsync(this IPage page, string path)
    {
        var response = await page.GotoAsync(path, new PageGotoOptions { Timeout = LiveSite.StepTimeoutMs });
        Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}");
    }

    /// <summary>Follows a link as a reader does and waits for the page it leads to.</summary>
    public static async Task FollowAsync(this IPage page, ILocator link)
    {
        await link.ScrollIntoViewIfNeededAsync(new LocatorScrollIntoViewIfNeededOptions { Timeout = LiveSite.StepTimeoutMs });
        var href = await link.GetAttributeAsync("href") ?? throw new InvalidOperationException("The link has no href.");
        bool IsTarget(string url) => new Uri(url).PathAndQuery is var p && (p == href || p.StartsWith(href + "?", StringComparison.Ordinal));
        // Waiting starts before the click, so a fast navigation cannot finish unseen.
        await Task.WhenAll(
            page.WaitForURLAsync(IsTarget, new PageWaitForURLOptions { Timeout = LiveSite.StepTimeoutMs, WaitUntil = WaitUntilState.DOMContentLoaded }),
            link.ClickAsync(new LocatorClickOptions { Timeout = LiveSite.StepTimeoutMs }));
        await page.WaitForLoadStateAsync(LoadState.Load, new PageWaitForLoadStateOptions { Timeout = LiveSite.StepTimeoutMs });
    }

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
