using System.Text.RegularExpressions;
using Broadsheet.BrowserTests.Support;
using Microsoft.Playwright;

namespace Broadsheet.BrowserTests;

[Collection(LiveSiteCollection.Name)]
public sealed class CommentsTests(LiveSite site)
{
    [Fact]
    public async Task A_reader_signs_up_confirms_by_mail_posts_is_held_and_appears_once_a_moderator_approves()
    {
        // The moderator: the first administrator (the setup link is spent once per site; StaffSession knows).
        await using var newsroom = await site.NewContextAsync(1280);
        var moderator = await newsroom.NewPageAsync();
        await moderator.SignInAsAdminAsync(site);

        await using var readerContext = await site.NewContextAsync(1280);
        var reader = await readerContext.NewPageAsync();
        var email = $"reader-{Guid.NewGuid():N}@example.test";
        await reader.OpenAsync("/account/sign-up");
        await reader.FillAsync("#Input_DisplayName", "Browser Reader");
        await reader.FillAsync("#Input_Email", email);
        await reader.FillAsync("#Input_Password", "a long enough password");
        await reader.CheckAsync("#Input_Consent");
        await reader.ClickAsync("form.desk-form button[type=submit]");
        await reader.Locator("[role=status]").WaitForAsync();

        await reader.OpenAsync(new Uri(await site.Mail.LinkAsync(email, site.Origin + "/account/confirm")).PathAndQuery);
        await reader.ClickAsync("[data-confirm-account]");
        await reader.Locator(".account-confirmed").WaitForAsync();
        Assert.True(await reader.Locator(".account-confirmed").IsVisibleAsync());
        await reader.OpenAsync("/account/sign-in?ReturnUrl=/");
        await reader.FillAsync("#Input_Email", email);
        await reader.FillAsync("#Input_Password", "a long enough password");
        await reader.ClickAsync("form.desk-form button[type=submit]");
        await reader.WaitForPageAsync(new Regex("^" + Regex.Escape(site.Origin + "/") + "$"));

        var story = await reader.Locator(".teasers .teaser__title a").First.GetAttributeAsync("href");
        await reader.OpenAsync(story!);
        var articleId = await reader.Locator("[data-article-id]").First.GetAttributeAsync("data-article-id");
        // With JavaScript, "Write a comment" builds the form in place and posts without a reload.
        await reader.ClickAsync("#comment-compose a");
        var text = "A first comment from the browser " + Guid.NewGuid().ToString("N")[..6];
        await reader.FillAsync("#comment-compose textarea", text);
        await reader.ClickAsync("#comment-compose button");
        await reader.Locator("#comment-compose [role=status]").Filter(new LocatorFilterOptions { HasText = "moderator" }).WaitForAsync();
        await reader.ScreenshotAsync(site, "comment-held");

        await moderator.OpenAsync("/newsroom/moderation");
        var item = moderator.Locator(".moderation-item", new PageLocatorOptions { HasText = text });
        Assert.Equal("pre-moderation: new account", await item.Locator("[data-rule]").TextContentAsync());
        await item.Locator("button[value=Published]").ClickAsync();
        await moderator.Locator("[role=status]").WaitForAsync();

        await using var strangerContext = await site.NewContextAsync(1280, javaScript: false);
        var stranger = await strangerContext.NewPageAsync();
        await stranger.OpenAsync($"/articles/{articleId}/comments");
        await stranger.OpenAsync(story!);
        Assert.Equal(text, await stranger.Locator("#comments .comment__text", new PageLocatorOptions { HasText = text }).TextContentAsync());
        Assert.Equal("Browser Reader", await stranger.Locator("#comments .comment", new PageLocatorOptions { HasText = text }).Locator(".comment__author").First.TextContentAsync());
        await stranger.ScreenshotAsync(site, "comment-approved");
    }
}
