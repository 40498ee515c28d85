using Broadsheet.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Broadsheet.BrowserTests;

/// <summary>
/// A reader's whole way through the thread in each language: write under an article before having an
/// account, sign up, confirm by mail, come back to the same article with the words still there, be
/// refused for an inflected insult, be held, reply in place, be reported and blocked by a moderator.
/// </summary>
[Collection(LiveSiteCollection.Name)]
public sealed class ReaderJourneyTests(LiveSite site, ITestOutputHelper output)
{
    private static readonly LocatorWaitForOptions Visible = new() { State = WaitForSelectorState.Visible, Timeout = LiveSite.StepTimeoutMs };

    [Theory]
    [InlineData("en", "Only idiots would write a budget like this", 1280)]
    [InlineData("ru", "Этот бюджет писали идиотами", 390)]
    public async Task A_reader_signs_up_from_an_article_and_comes_back_to_the_words_they_were_writing(string language, string insult, int width)
    {
        await using var newsroom = await site.NewContextAsync(1280);
        var moderator = await newsroom.NewPageAsync();
        await moderator.SignInAsAdminAsync(site);
        await SetLanguageAsync(moderator, language);
        try
        {
            await using var readerContext = await site.NewContextAsync(width);
            var reader = await readerContext.NewPageAsync();
            await reader.OpenAsync("/");
            var story = await reader.Locator(".teasers .teaser__title a").First.GetAttributeAsync("href");
            await reader.OpenAsync(story!);
            await reader.Locator("#comments").ScrollIntoViewIfNeededAsync();
            var words = $"Where is the money for the schools, {language}-{Guid.NewGuid().ToString("N")[..6]}?";
            await reader.Locator("#comment-compose textarea").WaitForAsync(Visible);
            await reader.FillAsync("#comment-compose textarea", words);
            await reader.ScreenshotAsync(site, $"thread-signed-out-{language}-{width}");

            // Sign up from the prompt in the form: the address to come back to travels along.
            await reader.FollowAsync(reader.Locator("#comment-compose .comments__signin a").Nth(1));
            var email = $"journey-{language}-{Guid.NewGuid():N}@example.test";
            await reader.FillAsync("#Input_DisplayName", "Journey " + Guid.NewGuid().ToString("N")[..6]);
            await reader.FillAsync("#Input_Email", email);
            await reader.FillAsync("#Input_Password", "a long enough password");
            await reader.CheckAsync("#Input_Consent");
            await reader.AssertAccessibleAsync(output);
            foreach (var w in new[] { 390, 1280 })
            {
                await reader.SetViewportSizeAsync(w, 900);
                await reader.ScreenshotAsync(site, $"sign-up-{language}-{w}");
            }
            await reader.SetViewportSizeAsync(width, 900);
            await reader.SubmitAsync("form.desk-form button[type=submit]");
            await reader.Locator("[role=status]").First.WaitForAsync(Visible);

            await reader.OpenAsync(new Uri(await site.Mail.LinkAsync(email, site.Origin + "/account/confirm")).PathAndQuery);
            await reader.SubmitAsync("[data-confirm-account]");
            await reader.FollowAsync(reader.Locator("[data-signin-after-confirm]"));
            await reader.FillAsync("#Input_Email", email);
            await reader.FillAsync("#Input_Password", "a long enough password");
            await reader.SubmitAsync("form.desk-form button[type=submit]");
            Assert.Equal(story, new Uri(reader.Url).AbsolutePath);

            // Back on the article, signed in, with the words kept in the browser.
            var area = reader.Locator("#comment-compose textarea");
            await area.WaitForAsync(Visible);
            Assert.Equal(words, await area.InputValueAsync());
            await reader.Locator("#comment-compose .comment-form__as").WaitForAsync(Visible);
            await reader.Locator("#account-menu .account-menu").WaitForAsync(Visible);

            // An inflected insult is refused, and the refusal is an alert, not a thank-you.
            await area.FillAsync(insult);
            await reader.ClickAsync("#comment-compose .comment-form__button");
            var refusal = reader.Locator("#comment-compose .comment-state--error[role=alert]");
            await refusal.WaitForAsync(Visible);
            Assert.Equal(0, await reader.Locator("#comment-compose .comment-state--done, #comment-compose .comment-state--held").Filter(new() { Visible = true }).CountAsync());
            await reader.ScreenshotAsync(site, $"thread-refused-{language}-{width}");

            // A new account is held: the comment shows in place, to its author, marked as waiting.
            await area.FillAsync(words);
            await reader.ClickAsync("#comment-compose .comment-form__button");
            await reader.Locator("#comment-compose .comment-state--held[role=status]").WaitForAsync(Visible);
            Assert.Equal(0, await refusal.Filter(new() { Visible = true }).CountAsync());
            await reader.Locator(".comment--waiting", new() { HasText = words }).WaitForAsync(Visible);

            await moderator.OpenAsync("/newsroom/moderation");
            await moderator.SubmitAsync($".moderation-item:has-text(\"{words}\") button[value=Published]");

            // Approved: the reader replies in place, and the reply waits under its parent.
            await reader.ReloadAsync();
            var thread = reader.Locator("#comments .comment", new() { HasText = words }).First;
            await thread.ScrollIntoViewIfNeededAsync();
            await thread.Locator("[data-reply]").First.ClickAsync();
            var reply = $"And the hospitals, {Guid.NewGuid().ToString("N")[..6]}";
            await reader.Locator(".comment-form--reply textarea").WaitForAsync(Visible);
            await reader.FillAsync(".comment-form--reply textarea", reply);
            await reader.ClickAsync(".comment-form--reply .comment-form__button");
            await reader.Locator(".comment-form--reply .comment-state--held").WaitForAsync(Visible);
            await thread.Locator(".comment-list--replies .comment--waiting", new() { HasText = reply }).WaitForAsync(Visible);
            await reader.AssertAccessibleAsync(output);
            foreach (var w in new[] { 390, 1280 })
            {
                await reader.SetViewportSizeAsync(w, 900);
                await reader.Locator("#comments").ScrollIntoViewIfNeededAsync();
                await reader.ScreenshotAsync(site, $"thread-signed-in-{language}-{w}");
            }

            // Someone else reports it: the reason is chosen only once the menu is open. The discussion's script is held
            // back, as on a slow connection, so the click lands while it is on its way: it waits for it, not for the link.
            await moderator.RouteAsync("**/js/comments.js*", async route => { await Task.Delay(1500); await route.ContinueAsync(); });
            await moderator.OpenAsync(story!);
            var reported = moderator.Locator("#comments .comment", new() { HasText = words }).First;
            await reported.ScrollIntoViewIfNeededAsync();
            await reported.Locator("[data-report-comment]").First.ClickAsync();
            var menu = reported.Locator(".report-menu");
            await menu.WaitForAsync(Visible);
            Assert.Equal(story, new Uri(moderator.Url).AbsolutePath);
            await moderator.UnrouteAllAsync();
            Assert.Equal(0, await menu.Locator("input:checked").CountAsync());
            await moderator.AssertAccessibleAsync(output);
            await menu.Locator("input[type=radio]").First.CheckAsync();
            await menu.Locator(".comment-form__button").ClickAsync();
            await menu.Locator(".comment-state--done").WaitForAsync(Visible);

            // Blocked: the reader sees why and until when instead of the form.
            await moderator.OpenAsync("/newsroom/moderation");
            var item = moderator.Locator(".moderation-item", new() { HasText = reply });
            await item.Locator(".mod-card__block summary").ClickAsync();
            await item.Locator("select[name=days]").SelectOptionAsync("1");
            await moderator.SubmitAsync($".moderation-item:has-text(\"{reply}\") .mod-card__block-form button[type=submit]");
            await reader.ReloadAsync();
            await reader.Locator("#comments").ScrollIntoViewIfNeededAsync();
            var notice = reader.Locator("#comment-compose .comments__blocked");
            await notice.WaitForAsync(Visible);
            Assert.Equal(0, await reader.Locator("#comment-compose textarea").CountAsync());
            Assert.Matches(@"\d\d:\d\d", await notice.TextContentAsync() ?? "");
            await reader.AssertAccessibleAsync(output);
            await reader.ScreenshotAsync(site, $"thread-blocked-{language}-{width}");
        }
        finally
        {
            await SetLanguageAsync(moderator, "en");
        }
    }

    private static async Task SetLanguageAsync(IPage moderator, string language)
    {
        await moderator.OpenAsync("/newsroom/settings");
        await moderator.SelectOptionAsync("#Input_Language", language);
        await moderator.SubmitAsync("form.desk-form button[type=submit]");
    }
}
