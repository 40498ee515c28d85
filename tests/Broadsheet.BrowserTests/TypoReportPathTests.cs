using Broadsheet.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Broadsheet.BrowserTests;

/// <summary>Issue 5 end to end: a reader reports a typo with Ctrl+Enter, an editor applies it from the inbox, and the article shows it.</summary>
[Collection(LiveSiteCollection.Name)]
public sealed class TypoReportPathTests(LiveSite site, ITestOutputHelper output)
{
    [Fact]
    public async Task A_reader_reports_a_word_and_an_editor_applies_the_suggestion_in_one_click()
    {
        // An article of known words, so that the word the reader picks occurs once with its context.
        await using var editorContext = await site.NewContextAsync(1280);
        var editor = await editorContext.NewPageAsync();
        await editor.SignInAsAdminAsync(site);
        await editor.OpenAsync("/newsroom/articles/new");
        await editor.FillAsync("#Input_Title", "Council passes the spending plan " + Guid.NewGuid().ToString("N")[..6]);
        await editor.FillAsync("#Input_Body", "The council approved the budjet on Tuesday.\n\nThe vote was close.");
        await editor.SubmitAsync("button[formaction*='handler=Publish']");
        var articlePath = new Uri(site.Origin + await editor.Locator(".desk__state a:text-is('Open the public page')").GetAttributeAsync("href")).AbsolutePath;

        await using var readerContext = await site.NewContextAsync(1280);
        var reader = await readerContext.NewPageAsync();
        await reader.OpenAsync(articlePath);

        // The reader selects the misspelt word in the body, as a mouse would, and presses Ctrl+Enter.
        var word = await reader.EvaluateAsync<string>(@"() => {
            const walker = document.createTreeWalker(document.querySelector('.story__body'), NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const m = /\bbudjet\b/.exec(node.data);
                if (!m) continue;
                const range = document.createRange();
                range.setStart(node, m.index);
                range.setEnd(node, m.index + m[0].length);
                getSelection().removeAllRanges();
                getSelection().addRange(range);
                return m[0];
            }
            return null;
        }");
        Assert.Equal("budjet", word);
        await reader.Keyboard.PressAsync("Control+Enter");
        var dialog = reader.Locator("#typo-dialog[open]");
        await dialog.WaitForAsync(new LocatorWaitForOptions { Timeout = LiveSite.StepTimeoutMs });
        Assert.Equal(word, await reader.Locator("#typo-dialog [data-typo-fragment]").InnerTextAsync());
        const string suggestion = "budget";
        await reader.FillAsync("#typo-suggestion", suggestion);
        await reader.Keyboard.PressAsync("Enter");
        await reader.Locator("#typo-dialog [data-typo-status]", new PageLocatorOptions { HasText = "Thank you" })
            .WaitForAsync(new LocatorWaitForOptions { Timeout = LiveSite.StepTimeoutMs });
        Assert.Equal("Thank you! Now the editors are aware.", (await reader.Locator("#typo-dialog [data-typo-status]").InnerTextAsync()).Trim());

        // The editor finds it in the inbox and applies it.
        await editor.OpenAsync("/newsroom/typo-reports");
        var report = editor.Locator(".typo-inbox__report", new PageLocatorOptions { Has = editor.Locator($"q:text-is('{suggestion}')") });
        Assert.Equal(1, await report.CountAsync());
        await editor.ScreenshotAsync(site, "typo-1-inbox");
        await editor.AssertAccessibleAsync(output);
        await editor.SubmitAsync($".typo-inbox__report:has(q:text-is('{suggestion}')) form.typo-inbox__apply button");
        Assert.Equal("Fixed.", (await editor.Locator(".desk__notice[role=status]").InnerTextAsync()).Trim());

        // The reader's next look shows the corrected word: the cached page was evicted.
        await reader.OpenAsync(articlePath);
        Assert.Equal("The council approved the budget on Tuesday.", (await reader.Locator(".story__body p").First.InnerTextAsync()).Trim());
        await reader.ScreenshotAsync(site, "typo-2-fixed");
    }
}
