using System.Text.RegularExpressions;
using Broadsheet.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Broadsheet.BrowserTests;

/// <summary>
/// Every staff screen, and every account page, keeps to the Content-Security-Policy the site sends: no inline
/// style or script that the browser would block. The moderation queue is shown with a held comment of several lines,
/// whose line breaks must survive (they once hung on an inline style the policy blocked).
/// </summary>
[Collection(LiveSiteCollection.Name)]
public sealed class StaffScreensPolicyTests(LiveSite site, ITestOutputHelper output)
{
    private const string Recorder =
        "window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));";

    [Fact]
    public async Task Every_staff_screen_and_account_page_keeps_to_the_content_security_policy()
    {
        var heldText = "First line of a held comment " + Guid.NewGuid().ToString("N")[..6] + "\nSecond line\nThird line";
        var articleId = await HeldCommentAsync(heldText);

        await using var context = await site.NewContextAsync(1280);
        await context.AddInitScriptAsync(Recorder);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) problems.Add($"console: {m.Text} ({page.Url})"); };
        page.PageError += (_, e) => problems.Add($"uncaught: {e} ({page.Url})");

        await page.SignInAsAdminAsync(site);
        var paths = new List<string>
        {
            "/newsroom", "/newsroom?state=Published", "/newsroom/security", "/newsroom/articles/new",
            $"/newsroom/articles/{articleId}", $"/newsroom/articles/{articleId}/revisions",
            "/newsroom/taxonomy/rubrics", "/newsroom/taxonomy/tags", "/newsroom/taxonomy/authors",
            "/newsroom/staff", "/newsroom/settings", "/newsroom/audit", "/newsroom/newsletter",
            "/newsroom/typo-reports", "/newsroom/media", "/newsroom/moderation", "/newsroom/moderation/rules",
        };
        await page.OpenAsync("/newsroom/taxonomy/authors");
        if (await page.Locator("a[href*='authors?id=']").CountAsync() > 0)
            paths.Add((await page.Locator("a[href*='authors?id=']").First.GetAttributeAsync("href"))!);
        await page.OpenAsync("/newsroom/typo-reports");
        if (await page.Locator("a[href^='/newsroom/typo-reports/']").CountAsync() > 0)
            paths.Add((await page.Locator("a[href^='/newsroom/typo-reports/']").First.GetAttributeAsync("href"))!);

        foreach (var path in paths) await VisitAsync(page, path, problems);

        // The held comment keeps its lines: the stylesheet, not a blocked inline style, says so.
        await page.OpenAsync("/newsroom/moderation");
        var text = page.Locator(".moderation-item__text", new PageLocatorOptions { HasText = "First line of a held comment" });
        Assert.Equal("pre-line", await text.EvaluateAsync<string>("p => getComputedStyle(p).whiteSpace"));
        Assert.Equal(3, (await text.InnerTextAsync()).Trim().Split('\n').Length);
        await page.ScreenshotAsync(site, "moderation-queue");

        await using var anonymousContext = await site.NewContextAsync(1280);
        await anonymousContext.AddInitScriptAsync(Recorder);
        var anonymous = await anonymousContext.NewPageAsync();
        anonymous.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) problems.Add($"console: {m.Text} ({anonymous.Url})"); };
        foreach (var path in new[] { "/account/sign-in", "/account/sign-up", "/account/forgot-password", "/account/reset-password",
                     "/account/setup?account=nobody&token=spent", "/account/confirm?id=nobody&token=spent" })
            await VisitAsync(anonymous, path, problems);

        foreach (var p in problems) output.WriteLine(p);
        Assert.Empty(problems);
    }

    private static async Task VisitAsync(IPage page, string path, List<string> problems)
    {
        await page.OpenAsync(path, WaitUntilState.NetworkIdle);
        foreach (var v in await page.EvaluateAsync<string[]>("() => window.__violations")) problems.Add($"{path}: {v}");
    }

    /// <summary>A new reader signs up, confirms and comments; a new account's first comments wait for a moderator.</summary>
    private async Task<int> HeldCommentAsync(string text)
    {
        await using var context = await site.NewContextAsync(1280);
        var reader = await context.NewPageAsync();
        var email = $"policy-{Guid.NewGuid():N}@example.test";
        await reader.OpenAsync("/account/sign-up");
        await reader.FillAsync("#Input_DisplayName", "Policy Reader " + Guid.NewGuid().ToString("N")[..4]);
        await reader.FillAsync("#Input_Email", email);
        await reader.FillAsync("#Input_Password", "a long enough password");
        await reader.CheckAsync("#Input_Consent");
        await reader.ClickAsync("form.desk-form button[type=submit]");
        await reader.Locator("[role=status]").WaitForAsync();
        await reader.OpenAsync(new Uri(await site.Mail.LinkAsync(email, site.Origin + "/account/confirm")).PathAndQuery);
        await reader.ClickAsync("[data-confirm-account]");
        await reader.Locator(".account-confirmed").WaitForAsync();
        await reader.OpenAsync("/account/sign-in?ReturnUrl=/");
        await reader.FillAsync("#Input_Email", email);
        await reader.FillAsync("#Input_Password", "a long enough password");
        await reader.ClickAsync("form.desk-form button[type=submit]");
        await reader.WaitForPageAsync(new Regex("^" + Regex.Escape(site.Origin + "/") + "$"));

        var story = await reader.Locator(".teasers .teaser__title a").First.GetAttributeAsync("href");
        await reader.OpenAsync(story!);
        var articleId = int.Parse((await reader.Locator("[data-article-id]").First.GetAttributeAsync("data-article-id"))!, System.Globalization.CultureInfo.InvariantCulture);
        await reader.OpenAsync($"/articles/{articleId}/comments");
        await reader.FillAsync("#comment-text", text);
        await reader.SubmitAsync("#compose button[type=submit]");
        return articleId;
    }
}
