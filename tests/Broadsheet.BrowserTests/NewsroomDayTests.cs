using System.Globalization;
using Broadsheet.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Broadsheet.BrowserTests;

/// <summary>
/// A whole day of the newsroom, as two people live it, once on an English site and once on a Russian one: the
/// administrator invites an author by mail; the author sets a password from the letter, uploads a picture, writes
/// with it as a figure (the picker) and as the cover (the cover picker), and submits; the editor is notified,
/// leaves a note and schedules it; it goes out on time with the author's name as the byline; the editor makes it
/// the lead; a correction follows; the revisions show who did what and the words that changed.
/// </summary>
[Collection(LiveSiteCollection.Name)]
public sealed class NewsroomDayTests(LiveSite site, ITestOutputHelper output)
{
    private static readonly TimeSpan PublishingDeadline = TimeSpan.FromMinutes(3);
    private static readonly LocatorWaitForOptions Visible = new() { State = WaitForSelectorState.Visible, Timeout = LiveSite.StepTimeoutMs };

    [Theory]
    [InlineData("en", "Nina Author")]
    [InlineData("ru", "Нина Авторова")]
    public async Task An_invited_author_writes_the_editor_schedules_leads_and_corrects(string language, string byline)
    {
        await using var editorContext = await site.NewContextAsync(1280);
        var editor = await editorContext.NewPageAsync();
        await editor.SignInAsAdminAsync(site);
        await SetLanguageAsync(editor, language);
        try
        {
            var mark = Guid.NewGuid().ToString("N")[..6];

            // 1. The invitation goes by mail.
            var email = $"author-{language}-{mark}@example.test";
            await editor.OpenAsync("/newsroom/staff");
            await editor.FillAsync("#Invite_Email", email);
            await editor.FillAsync("#Invite_DisplayName", byline);
            await editor.SelectOptionAsync("#Invite_Role", "Author");
            await editor.SubmitAsync("form[action*='handler=Invite'] button[type=submit]");
            var setup = new Uri(await site.Mail.LinkAsync(email, site.Origin + "/account/setup")).PathAndQuery;

            await using var authorContext = await site.NewContextAsync(1280);
            var author = await authorContext.NewPageAsync();
            await author.OpenAsync(setup);
            await author.FillAsync("#Input_Password", "an author's long password");
            await author.FillAsync("#Input_Confirm", "an author's long password");
            await author.SubmitAsync("form:has(#Input_Confirm) button[type=submit]");
            Assert.Equal("/newsroom", new Uri(author.Url).AbsolutePath);

            // 2. A picture into the library, with its caption and credit.
            var caption = (language == "ru" ? "Паром у причала " : "Ferry at the pier ") + mark;
            await author.OpenAsync("/newsroom/media");
            var png = Convert.FromBase64String(await author.EvaluateAsync<string>(
                "() => { const c = document.createElement('canvas'); c.width = 1600; c.height = 900; const g = c.getContext('2d');"
                + " g.fillStyle = '#146'; g.fillRect(0, 0, 1600, 900); g.fillStyle = '#eee'; g.fillRect(400, 500, 800, 200);"
                + " return c.toDataURL('image/png').split(',')[1]; }"));
            await author.SetInputFilesAsync("#upload", new FilePayload { Name = "ferry.png", MimeType = "image/png", Buffer = png });
            await author.FillAsync("#Caption", caption);
            await author.FillAsync("#Credit", byline);
            await author.SubmitAsync("form[enctype] button[type=submit]");

            // 3. The article: typed, a figure from the picker, a cover from the cover picker, submitted.
            var title = (language == "ru" ? "Паром снова ходит на остров " : "The ferry runs to the island again ") + mark;
            await author.OpenAsync("/newsroom/articles/new");
            await author.FillAsync("#Input_Title", title);
            await author.FillAsync("#Input_Lead", language == "ru" ? "После ремонта паром вернулся на линию." : "After repairs the ferry is back on its route.");
            var body = author.Locator("#Input_Body");
            await body.ClickAsync();
            await author.Keyboard.TypeAsync(language == "ru" ? "Паром ходит каждый час. " : "The ferry sails every hour. ");
            await ChooseAsync(author, "[data-format=figure]", caption, mark);
            await Assertions.Expect(author.Locator("[data-preview-body] .story__body figure figcaption")).ToContainTextAsync(caption, new() { Timeout = LiveSite.StepTimeoutMs });
            // A picture pasted into the text goes through the library's intake and lands as a second figure.
            await author.EvaluateAsync(@"async () => {
                const c = document.createElement('canvas'); c.width = 900; c.height = 500;
                const g = c.getContext('2d'); g.fillStyle = '#383'; g.fillRect(0, 0, 900, 500);
                const blob = await new Promise(r => c.toBlob(r, 'image/png'));
                const data = new DataTransfer(); data.items.add(new File([blob], 'pasted.png', { type: 'image/png' }));
                const body = document.querySelector('#Input_Body');
                body.focus(); body.setSelectionRange(body.value.length, body.value.length);
                body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
            }");
            await Assertions.Expect(body).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"\(/media/uploads/[^)]+\)[\s\S]*\(/media/uploads/[^)]+\)"), new() { Timeout = LiveSite.StepTimeoutMs });

            // Before the cover: the snippets warn that a link would go without a picture.
            Assert.Equal(title, (await author.Locator(".snippet--search [data-snippet-title]").InnerTextAsync()).Trim());
            Assert.Equal(1, await author.Locator("[data-snippet-warnings] li").CountAsync());
            await ChooseAsync(author, "[data-picker-open=cover]", caption, mark);
            Assert.StartsWith("/media/uploads/", await author.InputValueAsync("#Input_CoverImage"));
            Assert.False(await author.Locator("[data-snippet-image]").IsHiddenAsync());
            // The word count and reading time follow the text (the figure's Markdown is not counted).
            Assert.Matches(language == "ru" ? @"(^|\D)4\D.*1 мин" : @"^5 words · 1 min", await author.Locator("[data-count]").InnerTextAsync());
            await author.ScreenshotAsync(site, $"day-editor-{language}-1280");
            await author.AssertAccessibleAsync(output);
            await author.SubmitAsync("button[formaction*='handler=Submit']");
            var edit = new Uri(author.Url).AbsolutePath;
            Assert.Matches(@"^/newsroom/articles/\d+$", edit);

            // 4. The editor is told, opens it from the notification, leaves a note and schedules it.
            await editor.OpenAsync("/newsroom/notifications");
            var notice = editor.Locator(".desk-notices__item", new() { HasText = title });
            await notice.WaitForAsync(Visible);
            await editor.ScreenshotAsync(site, $"day-notifications-{language}-1280");
            await editor.SubmitAsync($".desk-notices__item:has-text(\"{title}\") .desk-notices__open");
            Assert.Equal(edit, new Uri(editor.Url).AbsolutePath);
            await editor.FillAsync("#workflow-note", language == "ru" ? "Уточните расписание у перевозчика." : "Check the timetable with the operator.");
            await editor.SubmitAsync("form[action*='handler=Note'] button");
            var moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
            var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, moscow);
            var at = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0).AddMinutes(2);
            await editor.FillAsync("#Input_ScheduleAt", at.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
            await editor.SubmitAsync("button[formaction*='handler=Schedule']");
            Assert.Contains(at.ToString("HH:mm", CultureInfo.InvariantCulture), await editor.Locator(".desk__notice").First.InnerTextAsync());

            // The note stays in the newsroom: an author may no longer open a scheduled article, and readers never see it.
            Assert.Contains(language == "ru" ? "Уточните расписание" : "Check the timetable", await editor.Locator(".desk-notes").InnerTextAsync());

            // 5. Out on time, under the author's name.
            var deadline = DateTime.UtcNow + PublishingDeadline;
            var inStream = editor.Locator(".stream__list a", new() { HasText = title });
            await editor.OpenAsync("/");
            while (await inStream.CountAsync() == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, $"\"{title}\" did not reach the home page by {at:HH:mm} Moscow time plus a minute.\n{site.ServerLog}");
                await Task.Delay(5000);
                await editor.OpenAsync("/");
            }
            await editor.FollowAsync(inStream.First);
            var articlePath = new Uri(editor.Url).AbsolutePath;
            Assert.Equal(byline, (await editor.Locator(".story__byline a").First.InnerTextAsync()).Trim());
            Assert.Equal(1, await editor.Locator(".story__body figure figcaption", new() { HasText = caption }).CountAsync());
            Assert.Equal(2, await editor.Locator(".story__body figure img").CountAsync());

            // 6. The editor makes it the lead: added second, then moved above the first.
            await editor.OpenAsync("/newsroom/front-page");
            await editor.SelectOptionAsync("#add-story", new SelectOptionValue { Label = title });
            await editor.SelectOptionAsync("#add-position", "2");
            await editor.SubmitAsync("form[action*='handler=Add'] button[type=submit]");
            var items = editor.Locator("[data-curation-list] > li");
            Assert.Equal(title, (await items.Nth(1).Locator(".curation__title").InnerTextAsync()).Trim());
            // The Up button, the same move as a drag for a keyboard or without script; FrontPageCurationTests drags.
            await editor.SubmitAsync(".curation__item:nth-child(2) button[value='-1']");
            Assert.Equal(title, (await items.Nth(0).Locator(".curation__title").InnerTextAsync()).Trim());
            await editor.ScreenshotAsync(site, $"day-front-page-{language}-1280");
            await editor.OpenAsync("/");
            Assert.Equal(title, (await editor.Locator(".top .teaser__title").First.InnerTextAsync()).Trim());

            // 7. A correction, shown at the article's foot.
            var correction = language == "ru" ? "Паром ходит каждые два часа, а не каждый час." : "The ferry sails every two hours, not every hour.";
            await editor.OpenAsync(edit);
            var text = await editor.InputValueAsync("#Input_Body");
            await editor.FillAsync("#Input_Body", text.Replace(language == "ru" ? "каждый час" : "every hour", language == "ru" ? "каждые два часа" : "every two hours", StringComparison.Ordinal));
            await editor.CheckAsync("#Input_IsCorrection");
            await editor.FillAsync("#Input_CorrectionNote", correction);
            await editor.SubmitAsync("button[formaction*='handler=Save']");
            await editor.OpenAsync(articlePath);
            Assert.Contains(correction, await editor.Locator(".story__corrections").InnerTextAsync());

            // 8. Revisions: the people by name, the steps, and the words that changed.
            await editor.OpenAsync(edit + "/revisions");
            var history = await editor.Locator(".desk-table tbody").InnerTextAsync();
            Assert.Contains(byline, history);
            Assert.DoesNotContain(email, history);
            var removed = string.Join(" ", await editor.Locator(".diff del").AllInnerTextsAsync());
            var added = string.Join(" ", await editor.Locator(".diff ins").AllInnerTextsAsync());
            Assert.Contains(language == "ru" ? "час" : "hour", removed);
            Assert.Contains(language == "ru" ? "два" : "two", added);
            await editor.ScreenshotAsync(site, $"day-revisions-{language}-1280");
            await editor.AssertAccessibleAsync(output);

            // The author was told it went out.
            await author.OpenAsync("/newsroom/notifications");
            Assert.True(await author.Locator(".desk-notices__item", new() { HasText = title }).CountAsync() >= 1);
        }
        finally
        {
            // The other tests read the demo's own front page.
            await editor.OpenAsync("/newsroom/front-page");
            if (await editor.Locator("form[action*='handler=Automatic']").CountAsync() > 0)
                await editor.SubmitAsync("form[action*='handler=Automatic'] button");
            await SetLanguageAsync(editor, "en");
        }
    }

    /// <summary>Opens the media picker with <paramref name="opener"/>, searches for the picture and chooses it.</summary>
    private static async Task ChooseAsync(IPage page, string opener, string caption, string mark)
    {
        await page.ClickAsync(opener);
        var dialog = page.Locator("dialog[data-picker]");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await page.FillAsync("[data-picker-search]", mark);
        var item = dialog.Locator(".picker__item", new() { HasText = caption });
        await Assertions.Expect(item).ToHaveCountAsync(1, new() { Timeout = LiveSite.StepTimeoutMs });
        await item.ClickAsync();
        await Assertions.Expect(dialog).Not.ToBeVisibleAsync();
    }

    private static async Task SetLanguageAsync(IPage page, string language)
    {
        await page.OpenAsync("/newsroom/settings");
        await page.SelectOptionAsync("#Input_Language", language);
        await page.SubmitAsync(".desk-form__actions button[type=submit]");
    }
}
