using Broadsheet.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Broadsheet.BrowserTests;

/// <summary>The reader's pages at a phone's and a desktop's width, in the light and the dark theme; the front page from 320 to 1920 px.</summary>
[Collection(LiveSiteCollection.Name)]
public sealed class ReadingSiteTests(LiveSite site, ITestOutputHelper output)
{
    public static TheoryData<int, ColorScheme> WidthsAndThemes => new()
    {
        { 390, ColorScheme.Light }, { 1280, ColorScheme.Light }, { 390, ColorScheme.Dark }, { 1280, ColorScheme.Dark },
    };

    [Theory]
    [MemberData(nameof(WidthsAndThemes))]
    public async Task Every_reader_page_passes_axe_in_both_themes(int width, ColorScheme theme)
    {
        await using var context = await site.NewContextAsync(width, colorScheme: theme);
        var page = await context.NewPageAsync();
        var name = $"{width}-{theme.ToString().ToLowerInvariant()}";

        foreach (var (path, label) in await ReaderPagesAsync(page))
        {
            await page.OpenAsync(path);
            await page.ScreenshotAsync(site, $"reading-{label}-{name}");
            await page.AssertAccessibleAsync(output);
        }
    }

    [Fact]
    public async Task The_dark_theme_follows_the_systems_setting()
    {
        await using var light = await site.NewContextAsync(1280);
        await using var dark = await site.NewContextAsync(1280, colorScheme: ColorScheme.Dark);
        Assert.True(await LightnessAsync(await light.NewPageAsync()) > 0.8, "The light theme's page is not light.");
        Assert.True(await LightnessAsync(await dark.NewPageAsync()) < 0.2, "The dark theme's page is not dark.");
    }

    [Theory]
    [InlineData(320)]
    [InlineData(390)]
    [InlineData(768)]
    [InlineData(1024)]
    [InlineData(1280)]
    [InlineData(1920)]
    public async Task The_front_page_holds_its_layout_from_320_to_1920_pixels(int width)
    {
        await using var context = await site.NewContextAsync(width);
        var page = await context.NewPageAsync();
        await page.OpenAsync("/");
        await page.ScreenshotAsync(site, $"reading-front-{width}");

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The front page is {overflow} px wider than a {width} px window.");
        // No teaser's time wraps onto a second line.
        var wrapped = await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('.teaser__meta time')].filter(t => t.getClientRects().length > 1).length");
        Assert.Equal(0, wrapped);
    }

    [Fact]
    public async Task On_a_phone_the_news_starts_within_150_pixels_and_the_menu_opens_from_a_button()
    {
        await using var context = await site.NewContextAsync(390);
        var page = await context.NewPageAsync();
        await page.OpenAsync("/");

        var top = await page.Locator(".teasers .teaser").First.BoundingBoxAsync();
        Assert.NotNull(top);
        Assert.True(top.Y < 150, $"The first story starts at {top.Y} px.");

        var sections = page.Locator("#sections a").First;
        Assert.False(await sections.IsVisibleAsync());
        await page.Locator(".masthead__menu").ClickAsync(new LocatorClickOptions { Timeout = LiveSite.StepTimeoutMs });
        Assert.True(await sections.IsVisibleAsync());
        await page.ScreenshotAsync(site, "reading-phone-menu");
        await page.AssertAccessibleAsync(output);
        Assert.True(await page.Locator(".masthead__find").IsVisibleAsync());
    }

    [Fact]
    public async Task On_a_phone_the_footer_shows_the_site_pages_and_the_legal_lines_within_the_screen()
    {
        await using var context = await site.NewContextAsync(390);
        var page = await context.NewPageAsync();
        await page.OpenAsync("/about");

        Assert.Equal("About us", (await page.Locator("main h1").First.InnerTextAsync()).Trim());
        var links = page.Locator(".footer__pages a");
        Assert.True(await links.CountAsync() >= 4, "The footer menu lists fewer than the demo's four pages.");
        var imprint = await page.Locator(".footer__imprint").InnerTextAsync();
        Assert.Contains("16+", imprint);
        Assert.Contains("Editor-in-chief", imprint);
        // Nothing in the footer may stick out past a phone's screen (a long registration line once did on narrow screens).
        var widest = await page.EvaluateAsync<double>(
            "() => Math.max(...[...document.querySelectorAll('.footer *')].map(e => e.getBoundingClientRect().right))");
        Assert.True(widest <= 390, $"The footer reaches {widest} px on a 390 px screen.");
        await page.Locator(".footer").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(site, "reading-footer-390");

        await page.FollowAsync(links.Filter(new LocatorFilterOptions { HasText = "Contacts" }));
        Assert.EndsWith("/contacts", page.Url);
        Assert.Equal("Contacts", (await page.Locator("main h1").First.InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task Touch_screens_get_the_button_hint_and_keyboards_the_ctrl_enter_hint()
    {
        string path;
        await using (var finding = await site.NewContextAsync(1280))
        {
            var p = await finding.NewPageAsync();
            await p.OpenAsync("/");
            path = (await p.Locator(".teasers .teaser__title a").First.GetAttributeAsync("href"))!;
        }
        await using var desktop = await site.NewContextAsync(1280);
        var onDesktop = await desktop.NewPageAsync();
        await onDesktop.OpenAsync(path);
        Assert.True(await onDesktop.Locator(".story__typo-hint--keys").IsVisibleAsync());
        Assert.False(await onDesktop.Locator(".story__typo-hint--touch").IsVisibleAsync());
        // Wide enough for the right column, which has the latest news in it.
        Assert.True(await onDesktop.Locator(".read__side .beside__list a").First.IsVisibleAsync());

        await using var phone = await site.NewContextAsync(390);
        var onPhone = await phone.NewPageAsync();
        await onPhone.OpenAsync(path);
        Assert.False(await onPhone.Locator(".story__typo-hint--keys").IsVisibleAsync());
        Assert.True(await onPhone.Locator(".story__typo-hint--touch").IsVisibleAsync());
    }

    [Fact]
    public async Task Printing_an_article_leaves_out_everything_but_the_story()
    {
        await using var context = await site.NewContextAsync(1280);
        var page = await context.NewPageAsync();
        await page.OpenAsync("/");
        await page.FollowAsync(page.Locator(".teasers .teaser__title a").First);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        Assert.True(await page.Locator("h1.story__title").IsVisibleAsync());
        Assert.True(await page.Locator(".story__body").IsVisibleAsync());
        foreach (var hidden in new[] { ".read__side", ".share", ".footer", ".sections", ".masthead__search" })
            Assert.False(await page.Locator(hidden).First.IsVisibleAsync(), $"{hidden} is printed.");
        await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(LiveSite.ScreenshotDirectory, "reading-article.pdf") });
    }

    [Fact]
    public async Task The_copy_link_button_puts_the_articles_address_on_the_clipboard()
    {
        await using var context = await site.NewContextAsync(1280);
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new BrowserContextGrantPermissionsOptions { Origin = site.Origin });
        var page = await context.NewPageAsync();
        await page.OpenAsync("/");
        await page.FollowAsync(page.Locator(".teasers .teaser__title a").First);

        var copy = page.Locator(".share__copy");
        await copy.ClickAsync(new LocatorClickOptions { Timeout = LiveSite.StepTimeoutMs });
        await page.Locator(".share__copy", new PageLocatorOptions { HasText = "Link copied" })
            .WaitForAsync(new LocatorWaitForOptions { Timeout = LiveSite.StepTimeoutMs });
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Equal(await page.Locator("link[rel=canonical]").GetAttributeAsync("href"), copied);
    }

    [Fact]
    public async Task The_context_a_typo_report_quotes_starts_and_ends_on_whole_words()
    {
        await using var context = await site.NewContextAsync(1280);
        var page = await context.NewPageAsync();
        await page.OpenAsync("/");
        await page.FollowAsync(page.Locator(".teasers .teaser__title a").First);

        // A word in the middle of the body's longest paragraph, so that both sides are cut.
        var picked = await page.EvaluateAsync<string?>(@"() => {
            const p = [...document.querySelectorAll('.story__body p')].sort((a, b) => b.textContent.length - a.textContent.length)[0];
            const node = [...p.childNodes].filter(n => n.nodeType === 3).sort((a, b) => b.data.length - a.data.length)[0];
            if (!node || node.data.length < 200) return null;
            const m = /[^\s.,;:!?]{3,}/.exec(node.data.slice(Math.floor(node.data.length / 2)));
            const start = Math.floor(node.data.length / 2) + m.index;
            const range = document.createRange();
            range.setStart(node, start);
            range.setEnd(node, start + m[0].length);
            getSelection().removeAllRanges();
            getSelection().addRange(range);
            return p.textContent.replace(/\s+/g, ' ').trim();
        }");
        Assert.NotNull(picked);
        await page.Keyboard.PressAsync("Control+Enter");
        await page.Locator("#typo-dialog[open]").WaitForAsync(new LocatorWaitForOptions { Timeout = LiveSite.StepTimeoutMs });

        var before = (await page.Locator("#typo-dialog [data-typo-before]").TextContentAsync())!;
        var fragment = (await page.Locator("#typo-dialog [data-typo-fragment]").TextContentAsync())!;
        var after = (await page.Locator("#typo-dialog [data-typo-after]").TextContentAsync())!;
        Assert.StartsWith("…", before, StringComparison.Ordinal);
        Assert.EndsWith("…", after, StringComparison.Ordinal);
        var quoted = before[1..] + fragment + after[..^1];
        var at = picked.IndexOf(quoted, StringComparison.Ordinal);
        Assert.True(at > 0, $"The quote is not in the paragraph: {quoted}");
        Assert.Equal(' ', picked[at - 1]);
        Assert.Equal(' ', picked[at + quoted.Length]);
    }

    /// <summary>One of each kind of page a reader reaches, found from the front page of the demo publication.</summary>
    private static async Task<List<(string Path, string Label)>> ReaderPagesAsync(IPage page)
    {
        await page.OpenAsync("/");
        var article = (await page.Locator(".teasers .teaser__title a").First.GetAttributeAsync("href"))!;
        var rubric = (await page.Locator(".rubric-block h2 a").First.GetAttributeAsync("href"))!;
        var day = (await page.Locator(".calendar .calendar__day--has a").Last.GetAttributeAsync("href"))!;
        await page.OpenAsync(article);
        var tag = await page.Locator(".story__tags a").First.GetAttributeAsync("href");
        var author = await page.Locator(".story__byline a").First.GetAttributeAsync("href");
        List<(string, string)> pages = [("/", "home"), (article, "article"), (rubric, "rubric"), (day, "day"), ("/search?q=the", "search"), ("/newsletter", "newsletter")];
        if (tag is not null) pages.Add((tag, "tag"));
        if (author is not null) pages.Add((author, "author"));
        // The static pages are the ones the footer menu offers, so a page the newsroom adds is checked too.
        foreach (var href in await page.Locator(".footer__pages a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            pages.Add((href, "page" + href.Replace('/', '-')));
        pages.Add(("/sitemap", "sitemap"));
        return pages;
    }

    private static async Task<double> LightnessAsync(IPage page)
    {
        await page.OpenAsync("/");
        return await page.EvaluateAsync<double>(@"() => {
            const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
            return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
        }");
    }
}
