using Broadsheet.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Broadsheet.BrowserTests;

/// <summary>The queue and one article's comments, as a moderator uses them on a desk and on a phone, in both languages.</summary>
[Collection(LiveSiteCollection.Name)]
public sealed class ModerationScreensTests(LiveSite site, ITestOutputHelper output)
{
    [Fact]
    public async Task A_moderator_works_the_queue_and_an_articles_comments_at_desk_and_phone_widths_in_both_languages()
    {
        await using var desk = await site.NewContextAsync(1280);
        var moderator = await desk.NewPageAsync();
        await moderator.SignInAsAdminAsync(site);
        await moderator.OpenAsync("/");
        var story = await moderator.Locator(".teasers .teaser__title a").First.GetAttributeAsync("href");
        await moderator.OpenAsync(story!);
        var articleId = await moderator.Locator("[data-article-id]").First.GetAttributeAsync("data-article-id");

        // A new account's comments wait for a moderator: the administrator's own, posted through the API, fill the queue.
        var mark = Guid.NewGuid().ToString("N")[..6];
        await moderator.EvaluateAsync(@"async ([article, mark]) => {
            const { token } = await (await fetch('/api/comments/token')).json();
            const post = async (text, parentId) => (await (await fetch(`/api/articles/${article}/comments`, {
                method: 'POST', headers: { 'Content-Type': 'application/json', RequestVerificationToken: token },
                body: JSON.stringify({ text, parentId }) })).json()).id;
            const first = await post('The council should publish the whole budget, line by line ' + mark);
            await post('Agreed, and the minutes of every session too ' + mark, first);
        }", new object[] { articleId!, mark });

        // The public page tells a moderator, and only a moderator, where the article's comments are managed.
        await moderator.OpenAsync(story!);
        await moderator.Locator("[data-staff-comments]").WaitForAsync();
        await moderator.FollowAsync(moderator.Locator("[data-staff-comments]"));
        Assert.EndsWith($"/newsroom/moderation/articles/{articleId}", moderator.Url);

        await using var phone = await site.NewContextAsync(390);
        var small = await phone.NewPageAsync();
        await small.SignInAsAdminAsync(site);
        var english = await ShootAsync(moderator, small, articleId!, "en");

        // Keyboard: j goes to the first card, a publishes it.
        await moderator.OpenAsync("/newsroom/moderation");
        var before = await moderator.Locator(".mod-card").CountAsync();
        await moderator.Keyboard.PressAsync("j");
        await moderator.EvaluateAsync("() => { window.beforeSubmit = true; }");
        await moderator.Keyboard.PressAsync("a");
        await moderator.WaitForFunctionAsync("() => !window.beforeSubmit", null, new PageWaitForFunctionOptions { Timeout = LiveSite.StepTimeoutMs });
        await moderator.Locator("[role=status]").WaitForAsync();
        Assert.Equal(before - 1, await moderator.Locator(".mod-card").CountAsync());

        try
        {
            await SetLanguageAsync(moderator, "ru");
            var russian = await ShootAsync(moderator, small, articleId!, "ru");
            Assert.Contains("Модерация комментариев", russian);
        }
        finally
        {
            await SetLanguageAsync(moderator, "en");
        }
        Assert.Contains("Comment moderation", english);
    }

    [Theory]
    [InlineData("en", "Remove this comment?")]
    [InlineData("ru", "Удалить этот комментарий?")]
    public async Task A_moderator_removes_a_published_comment_from_the_article_page_after_a_question_page(string language, string question)
    {
        await using var desk = await site.NewContextAsync(1280);
        var moderator = await desk.NewPageAsync();
        await moderator.SignInAsAdminAsync(site);
        await SetLanguageAsync(moderator, language);
        try
        {
            await moderator.OpenAsync("/");
            var story = await moderator.Locator(".teasers .teaser__title a").First.GetAttributeAsync("href");
            await moderator.OpenAsync(story!);
            var articleId = await moderator.Locator("[data-article-id]").First.GetAttributeAsync("data-article-id");

            // A published comment nobody flagged: posted, and shown by the queue if the account is still new.
            var text = $"The bridge repairs ran over budget again, {language}-{Guid.NewGuid().ToString("N")[..6]}";
            var held = await moderator.EvaluateAsync<bool>(@"async ([article, text]) => {
                const { token } = await (await fetch('/api/comments/token')).json();
                const r = await fetch(`/api/articles/${article}/comments`, {
                    method: 'POST', headers: { 'Content-Type': 'application/json', RequestVerificationToken: token },
                    body: JSON.stringify({ text }) });
                return r.status === 202;
            }", new object[] { articleId!, text });
            if (held)
            {
                await moderator.OpenAsync("/newsroom/moderation");
                await moderator.SubmitAsync($".moderation-item:has-text(\"{text}\") button[value=Published]");
            }

            await moderator.OpenAsync(story!);
            var comment = moderator.Locator("#comments li[id^=comment-]", new() { HasText = text }).First;
            var remove = comment.Locator(".staff-comments__remove").First;
            await remove.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = LiveSite.StepTimeoutMs });
            await moderator.FollowAsync(remove);

            // The question page names the comment and asks; nothing has come down yet.
            Assert.Equal(question, (await moderator.Locator("h1").TextContentAsync())?.Trim());
            Assert.Contains(text, await moderator.Locator("blockquote").TextContentAsync() ?? "");
            Assert.Equal(language, await moderator.Locator("html").GetAttributeAsync("lang"));
            foreach (var width in new[] { 390, 1280 })
            {
                await moderator.SetViewportSizeAsync(width, 900);
                await moderator.ScreenshotAsync(site, $"moderation-remove-{width}-{language}");
                await moderator.AssertAccessibleAsync(output);
                var scrollWidth = await moderator.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                Assert.True(scrollWidth <= width, $"the question page is {scrollWidth} px wide at {width} px ({language})");
            }

            // Yes: back on the article, and the comment is gone for every reader, the cached page included.
            await moderator.SubmitAsync("form button.desk-button--danger");
            Assert.Equal(story, new Uri(moderator.Url).AbsolutePath);
            Assert.Equal(0, await moderator.Locator("#comments .comment__text", new() { HasText = text }).CountAsync());
            await using var strangerContext = await site.NewContextAsync(390, javaScript: false);
            var stranger = await strangerContext.NewPageAsync();
            await stranger.OpenAsync(story!);
            Assert.Equal(0, await stranger.Locator("#comments .comment__text", new() { HasText = text }).CountAsync());
        }
        finally
        {
            await SetLanguageAsync(moderator, "en");
        }
    }

    /// <summary>Screenshots both screens at both widths, checks axe and that nothing is wider than a phone; answers the queue's heading.</summary>
    private async Task<string> ShootAsync(IPage wide, IPage narrow, string articleId, string language)
    {
        foreach (var (page, width) in new[] { (wide, 1280), (narrow, 390) })
        {
            foreach (var (path, name) in new[] { ("/newsroom/moderation", "queue"), ($"/newsroom/moderation/articles/{articleId}", "article-comments") })
            {
                await page.OpenAsync(path);
                await page.ScreenshotAsync(site, $"moderation-{name}-{width}-{language}");
                await page.AssertAccessibleAsync(output);
                var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                Assert.True(scrollWidth <= width, $"{path} is {scrollWidth} px wide at {width} px ({language})");
            }
        }
        await wide.OpenAsync("/newsroom/moderation");
        return await wide.Locator("h1").TextContentAsync() ?? "";
    }

    private static async Task SetLanguageAsync(IPage page, string language)
    {
        await page.OpenAsync("/newsroom/settings");
        await page.SelectOptionAsync("#Input_Language", language);
        await page.SubmitAsync("form:has(#Input_Language) button[type=submit]");
    }
}
