using Broadsheet.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Broadsheet.BrowserTests;

[Collection(LiveSiteCollection.Name)]
public sealed class ArticlePageTests(LiveSite site, ITestOutputHelper output)
{
    private static readonly string[] Compressions = ["gzip", "br", "zstd"];

    private const long PageWeightLimit = 60 * 1024;
    private const long ScriptLimit = 5 * 1024;

    [Fact]
    public async Task Article_is_readable_with_JavaScript_switched_off()
    {
        await using var context = await site.NewContextAsync(1280, javaScript: false);
        var page = await context.NewPageAsync();
        var requested = new List<string>();
        page.Request += (_, r) => requested.Add(new Uri(r.Url).AbsolutePath);

        await page.OpenAsync(await FirstStoryPathAsync(page));

        Assert.True(await page.Locator("h1.story__title").IsVisibleAsync());
        Assert.True(await page.Locator(".story__body p").CountAsync() > 0, "The article body has no paragraphs.");
        // Without script the view is counted by the <noscript> image, which also shows script really was off.
        Assert.Contains(requested, p => p.StartsWith("/api/views/", StringComparison.Ordinal) && p.EndsWith(".gif", StringComparison.Ordinal));
        await page.ScreenshotAsync(site, "desktop-article-no-javascript");
    }

    [Fact]
    public async Task Article_page_raises_no_console_errors_and_no_policy_violations()
    {
        await using var context = await site.NewContextAsync(1280);
        // Recorded by the page itself: Chromium reports a blocked resource or inline script this way.
        await context.AddInitScriptAsync(
            "window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));");
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        // A failed load is reported below with its address; the console's copy of it names none.
        page.Console += (_, m) => { if (m.Type is "error" or "warning" && !m.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)) errors.Add($"console {m.Type}: {m.Text}"); };
        page.Response += (_, r) => { if (r.Status >= 400) errors.Add($"{r.Status} {r.Request.Method} {r.Url}"); };
        page.PageError += (_, e) => errors.Add("uncaught: " + e);
        page.RequestFailed += (_, r) => errors.Add($"request failed: {r.Url} {r.Failure}");

        await page.OpenAsync(await FirstStoryPathAsync(page), WaitUntilState.NetworkIdle);

        var violations = await page.EvaluateAsync<string[]>("() => window.__violations");
        foreach (var line in errors.Concat(violations)) output.WriteLine(line);
        Assert.Empty(violations);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Article_page_weighs_under_60_KB_compressed_with_under_5_KB_of_script()
    {
        string path;
        await using (var finding = await site.NewContextAsync(1280))
            path = await FirstStoryPathAsync(await finding.NewPageAsync());
        // A fresh context, so that nothing comes from the browser's cache: a first visit's weight.
        await using var context = await site.NewContextAsync(1280);
        var page = await context.NewPageAsync();
        var responses = new List<IResponse>();
        page.Response += (_, r) => responses.Add(r);

        await page.OpenAsync(path, WaitUntilState.NetworkIdle);

        long transferred = 0, script = 0;
        foreach (var response in responses.Where(r => r.Request.ResourceType != "image"))
        {
            var sizes = await response.Request.SizesAsync();
            transferred += sizes.ResponseHeadersSize + sizes.ResponseBodySize;
            if (response.Request.ResourceType == "script") script += (await response.BodyAsync()).Length;
            output.WriteLine($"{response.Request.ResourceType,-10} {sizes.ResponseHeadersSize + sizes.ResponseBodySize,8} B  {response.Headers.GetValueOrDefault("content-encoding", "identity"),-8} {response.Url}");
        }
        output.WriteLine($"total {transferred} B without images, script {script} B");

        var document = responses.Single(r => r.Request.ResourceType == "document");
        Assert.Contains(document.Headers.GetValueOrDefault("content-encoding"), Compressions);
        Assert.InRange(transferred, 1, PageWeightLimit);
        Assert.InRange(script, 0, ScriptLimit);
    }

    private static async Task<string> FirstStoryPathAsync(IPage page)
    {
        await page.OpenAsync("/");
        var href = await page.Locator(".teasers .teaser__title a").First.GetAttributeAsync("href");
        return href ?? throw new InvalidOperationException("The front page links no article.");
    }
}
