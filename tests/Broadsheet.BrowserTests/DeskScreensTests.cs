using Broadsheet.BrowserTests.Support;
using Microsoft.Playwright;
using MimeKit;
using Xunit.Abstractions;

namespace Broadsheet.BrowserTests;

/// <summary>
/// The newsroom screens no other browser test walks through: the front page and its breaking strip, the audience
/// charts, notifications, the mail outbox and one filed message, site pages, the rule book, the article lists, the
/// question pages before Unpublish, Delete and a breaking-news alert, one typo report, the live desk, a new site page,
/// the media library and a picture in Russian, and the editor in Russian. At a desk's and a phone's width, in both languages:
/// <c>lang</c> right, nothing wider than the window, axe clean, a screenshot of each to look at.
/// </summary>
[Collection(LiveSiteCollection.Name)]
public sealed class DeskScreensTests(LiveSite site, ITestOutputHelper output)
{
    [Fact]
    public async Task The_remaining_newsroom_screens_fit_a_phone_speak_both_languages_and_pass_axe()
    {
        await using var context = await site.NewContextAsync(1280);
        var page = await context.NewPageAsync();
        await page.SignInAsAdminAsync(site);

        await page.OpenAsync("/newsroom?state=Published");
        var article = (await page.Locator(".desk-table a[href^='/newsroom/articles/']").First.GetAttributeAsync("href"))!;
        await page.OpenAsync("/newsroom/pages");
        var sitePage = await page.Locator("a[href^='/newsroom/pages/']").CountAsync() > 0
            ? await page.Locator("a[href^='/newsroom/pages/']").First.GetAttributeAsync("href")
            : null;

        // The live desk of the demo's election night, which otherwise only the two-node test opens (at one width, in English).
        await page.OpenAsync("/newsroom?state=Published&q=Northbridge");
        var live = await page.Locator(".desk-table a[href^='/newsroom/articles/']", new() { HasText = "Election night in Northbridge: live" }).First.GetAttributeAsync("href") + "/live";
        var report = await TypoReportAsync(page);
        var mail = FileMail();

        var screens = new List<(string Path, string Name)>
        {
            ("/newsroom/front-page", "front-page"), ("/newsroom/audience", "audience"), ("/newsroom/notifications", "notifications"),
            ("/newsroom/mail", "outbox"), ("/newsroom/pages", "pages"), ("/newsroom/moderation/rules", "rules"),
            ("/newsroom?state=InReview", "in-review"), ("/newsroom?state=Published", "published"),
            (article + "/confirm/unpublish", "confirm-unpublish"), (article + "/confirm/delete", "confirm-delete"),
            (article + "/confirm/alert", "confirm-alert"), (report, "typo-report"), ("/newsroom/mail/" + mail, "outbox-message"),
            ("/newsroom/articles/new", "editor"), (live, "live-desk"),
        };
        if (sitePage is not null) screens.Add((sitePage, "site-page"));
        // The media library's other test runs in English only.
        screens.Add(("/newsroom/pages/new", "new-page"));
        screens.Add(("/newsroom/media", "media"));
        await page.OpenAsync("/newsroom/media");
        if (await page.Locator(".media-library__item a[href^='/newsroom/media/']").CountAsync() > 0)
            screens.Add(((await page.Locator(".media-library__item a[href^='/newsroom/media/']").First.GetAttributeAsync("href"))!, "media-picture"));

        try
        {
            foreach (var language in new[] { "en", "ru" })
            {
                await page.SetSiteLanguageAsync(language);
                foreach (var width in new[] { 1280, 390 })
                {
                    await page.SetViewportSizeAsync(width, 900);
                    foreach (var (path, name) in screens)
                    {
                        await page.OpenAsync(path);
                        Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
                        Assert.Equal(0, await page.Locator(".masthead, footer").CountAsync());
                        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
                        Assert.True(overflow <= 0, $"{path} at {width} px in {language} scrolls sideways by {overflow} px");
                        await page.ScreenshotAsync(site, $"desk-{name}-{language}-{width}");
                        await page.AssertAccessibleAsync(output);
                    }
                }
            }
            // Nothing on the question pages acted by being opened.
            await page.OpenAsync("/newsroom?state=Published");
            Assert.Equal(1, await page.Locator($".desk-table a[href='{article}']").CountAsync());
        }
        finally
        {
            await page.SetViewportSizeAsync(1280, 900);
            await page.SetSiteLanguageAsync("en");
        }
    }

    /// <summary>
    /// A reader's typo report on a new article of known words, sent as the page's script sends it; the address of
    /// the report's own screen.
    /// </summary>
    private static async Task<string> TypoReportAsync(IPage page)
    {
        await page.OpenAsync("/newsroom/articles/new");
        await page.FillAsync("#Input_Title", "Council passes the spending plan " + Guid.NewGuid().ToString("N")[..6]);
        await page.FillAsync("#Input_Body", "The council approved the budjet on Tuesday.\n\nThe vote was close.");
        await page.SubmitAsync("button[formaction*='handler=Publish']");
        var articleId = int.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await page.OpenAsync((await page.Locator(".desk__state a:not([href^='/newsroom'])").First.GetAttributeAsync("href"))!);
        var status = await page.EvaluateAsync<int>(@"id => fetch('/api/typo-reports', {
            method: 'POST', headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ articleId: id, fragment: 'budjet', before: 'The council approved the ', after: ' on Tuesday.',
                suggestion: 'budget', comment: 'Опечатка: «budjet» — пишется budget.' }) }).then(r => r.status)", articleId);
        Assert.Equal(202, status);
        await page.OpenAsync("/newsroom/typo-reports");
        return (await page.Locator($".typo-inbox__article[data-article-id='{articleId}'] a[href^='/newsroom/typo-reports/']").First.GetAttributeAsync("href"))!;
    }

    /// <summary>
    /// A message in the outbox folder as the app files it while no SMTP server is configured (this site has one, so
    /// its folder is empty): a subscription confirmation with its long link. Its file name.
    /// </summary>
    private string FileMail()
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Broadsheet", "news@localhost"));
        message.To.Add(new MailboxAddress("Ирина Подписчица", "irina.subscriber.with.a.long.address@example.org"));
        message.Subject = "Подтвердите подписку на рассылку «Утренний выпуск»";
        message.Date = DateTimeOffset.UtcNow;
        message.Body = new TextPart("plain")
        {
            Text = "Здравствуйте!\n\nЧтобы получать утренний выпуск, подтвердите подписку:\n"
                + site.Origin + "/newsletter/confirm?token=" + string.Concat(Enumerable.Repeat(Guid.NewGuid().ToString("N"), 3))
                + "\n\nЕсли вы не подписывались, просто не отвечайте на это письмо.",
        };
        Directory.CreateDirectory(site.MailFolderPath);
        var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}-{Guid.NewGuid().ToString("N")[..8]}.eml";
        message.WriteTo(Path.Combine(site.MailFolderPath, name));
        return name;
    }
}
