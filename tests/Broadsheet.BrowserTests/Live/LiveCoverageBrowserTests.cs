using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Broadsheet.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Broadsheet.BrowserTests.Live;

/// <summary>
/// An election night as readers live it: pages left open on two nodes follow the desk without reloading (a new
/// entry behind the "N new updates" bar, an edit, a pinned key event, new figures in a results block), the page
/// passes axe on a phone and a desktop, and without script the entries are in the HTML with a "Refresh" link.
/// </summary>
[Collection(LiveSiteCollection.Name)]
public sealed partial class LiveCoverageBrowserTests(LiveSite site, ITestOutputHelper output)
{
    private static readonly LocatorAssertionsToContainTextOptions Soon = new() { Timeout = LiveSite.StepTimeoutMs };

    [TwoNodesFact]
    public async Task Readers_on_two_nodes_follow_the_desk_without_reloading()
    {
        await using var nodes = await TwoNodes.StartAsync();
        await using var staffContext = await ContextAsync(nodes.A.Origin, 1280);
        var staff = await staffContext.NewPageAsync();
        await staff.OpenAsync(nodes.SetupPath());
        await staff.FillAsync("#Input_Password", StaffSession.AdminPassword);
        await staff.FillAsync("#Input_Confirm", StaffSession.AdminPassword);
        await staff.SubmitAsync("form:has(#Input_Confirm) button[type=submit]");

        // A colleague at the desk through the other node.
        await using var colleagueContext = await ContextAsync(nodes.B.Origin, 1280);
        var colleague = await colleagueContext.NewPageAsync();
        await colleague.OpenAsync("/account/sign-in");
        await colleague.FillAsync("#Input_Email", StaffSession.AdminEmail);
        await colleague.FillAsync("#Input_Password", StaffSession.AdminPassword);
        await colleague.SubmitAsync("form:has(#Input_Password) button[type=submit]");

        await using var onA = await ContextAsync(nodes.A.Origin, 390);
        await using var onB = await ContextAsync(nodes.B.Origin, 1280);
        await FollowTheNightAsync(staff, colleague, [await onA.NewPageAsync(), await onB.NewPageAsync()], "two-nodes");
    }

    /// <summary>The same night on the one node of the shared site, so that it is tested where PostgreSQL and Redis are not.</summary>
    [Fact]
    public async Task Two_readers_on_one_node_follow_the_desk_without_reloading()
    {
        await using var staffContext = await site.NewContextAsync(1280);
        var staff = await staffContext.NewPageAsync();
        await staff.SignInAsAdminAsync(site);
        await using var first = await site.NewContextAsync(390);
        await using var second = await site.NewContextAsync(1280);
        await FollowTheNightAsync(staff, await staffContext.NewPageAsync(), [await first.NewPageAsync(), await second.NewPageAsync()], "one-node");
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task The_running_live_page_passes_axe(int width)
    {
        await using var context = await site.NewContextAsync(width);
        var page = await context.NewPageAsync();
        await page.OpenAsync(await DemoLivePathAsync(page));
        await Assertions.Expect(page.Locator("section.live--running .live-entry").First).ToBeVisibleAsync(new() { Timeout = LiveSite.StepTimeoutMs });
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The live page is {overflow} px wider than a {width} px window.");
        await page.ScreenshotAsync(site, $"live-page-{width}");
        await page.AssertAccessibleAsync(output);
    }

    [Fact]
    public async Task Without_script_the_entries_are_in_the_page_with_a_refresh_link()
    {
        await using var scripted = await site.NewContextAsync(1280);
        var path = await DemoLivePathAsync(await scripted.NewPageAsync());
        await using var context = await site.NewContextAsync(1280, javaScript: false);
        var page = await context.NewPageAsync();
        await page.OpenAsync(path);

        var document = new HtmlParser().ParseDocument(await page.ContentAsync());
        Assert.True(document.QuerySelectorAll("section.live--running article.live-entry").Length >= 5, "The entries are not in the HTML.");
        Assert.NotNull(document.QuerySelector("section.live--running figure.data--results table"));
        var refresh = document.QuerySelector("[data-refresh]");
        Assert.NotNull(refresh);
        Assert.False(refresh.HasAttribute("hidden"));
        Assert.Equal(path, refresh.QuerySelector("a")?.GetAttribute("href"));
        Assert.True(await page.Locator("[data-refresh] a").IsVisibleAsync());
        Assert.False(await page.Locator("[data-new]").IsVisibleAsync());
        await page.ScreenshotAsync(site, "live-page-no-script");
    }

    /// <summary>
    /// The desk posts an entry with a results block; the readers open the page, and a colleague the desk; then the night
    /// goes on, and the colleague's desk shows each change without being reloaded too.
    /// </summary>
    private async Task FollowTheNightAsync(IPage staff, IPage colleague, IPage[] readers, string name)
    {
        var title = "Count night " + Guid.NewGuid().ToString("N")[..6];
        await staff.OpenAsync("/newsroom/articles/new");
        await staff.FillAsync("#Input_Title", title);
        await staff.FillAsync("#Input_Body", "Polls have closed; the count is under way.");
        await staff.SubmitAsync("button[formaction*='handler=Publish']");
        var articleId = ArticleIdIn().Match(staff.Url).Groups["id"].Value;
        var publicPath = new Uri(new Uri(staff.Url), await staff.Locator(".desk__state a:text-is('Open the public page')").GetAttributeAsync("href")).AbsolutePath;
        await staff.OpenAsync($"/newsroom/articles/{articleId}/live");
        await staff.SubmitAsync("button[formaction*='handler=Start']");

        var resultsEntry = await PostEntryAsync(staff, "Results so far", "Half of the ballots are counted.\n\n" + Results(41, 33));
        await colleague.OpenAsync($"/newsroom/articles/{articleId}/live");
        await MarkAsync(colleague);
        await Assertions.Expect(colleague.Locator("[data-desk-reload]")).ToBeHiddenAsync(new() { Timeout = LiveSite.StepTimeoutMs });
        foreach (var reader in readers)
        {
            await reader.OpenAsync(publicPath);
            await MarkAsync(reader);
            await Assertions.Expect(reader.Locator($"#update-{resultsEntry} figure.data--results")).ToContainTextAsync("41", Soon);
        }

        // A new entry waits behind the bar; the reader brings it in.
        var second = await PostEntryAsync(staff, null, "The turnout is 68%, the election commission says.");
        foreach (var reader in readers)
        {
            var bar = reader.Locator("[data-new]");
            await Assertions.Expect(bar).ToHaveTextAsync("1 new update", new() { Timeout = LiveSite.StepTimeoutMs });
            Assert.Equal(0, await reader.Locator($"#update-{second}").CountAsync());
            await bar.ClickAsync(new() { Timeout = LiveSite.StepTimeoutMs });
            await Assertions.Expect(reader.Locator($"#update-{second}")).ToContainTextAsync("The turnout is 68%", Soon);
            await Assertions.Expect(bar).ToBeHiddenAsync(new() { Timeout = LiveSite.StepTimeoutMs });
        }

        // The colleague's desk brought the entry in by itself.
        await Assertions.Expect(colleague.Locator($"#entry-{second}")).ToContainTextAsync("The turnout is 68%", Soon);
        await Assertions.Expect(colleague.Locator("[data-desk-heard]")).ToContainTextAsync("A colleague's update has arrived.", Soon);
        await Assertions.Expect(colleague.Locator("[data-desk-count]")).ToHaveTextAsync("Updates: 2", new() { Timeout = LiveSite.StepTimeoutMs });

        // An edit applies in place.
        await EditEntryAsync(staff, second, "The turnout is 71%, the election commission now says.");
        foreach (var reader in readers)
        {
            await Assertions.Expect(reader.Locator($"#update-{second}")).ToContainTextAsync("The turnout is 71%", Soon);
            await Assertions.Expect(reader.Locator($"#update-{second} .live-entry__edited")).ToBeVisibleAsync(new() { Timeout = LiveSite.StepTimeoutMs });
        }

        // A pinned entry joins the key events, whose link jumps to it.
        await staff.SubmitAsync($"#entry-{second} form[action*='handler=Pin'] button");
        foreach (var reader in readers)
        {
            var keyLink = reader.Locator($"[data-key-events] a[href='#update-{second}']");
            await Assertions.Expect(keyLink).ToContainTextAsync("The turnout is 71%", Soon);
            await Assertions.Expect(reader.Locator($"#update-{second}.live-entry--key")).ToHaveCountAsync(1, new() { Timeout = LiveSite.StepTimeoutMs });
        }

        // New figures in the results block reach the open pages like any edit.
        await EditEntryAsync(staff, resultsEntry, "Nine in ten ballots are counted.\n\n" + Results(44, 30));
        foreach (var reader in readers)
        {
            var table = reader.Locator($"#update-{resultsEntry} figure.data--results table");
            await Assertions.Expect(table).ToContainTextAsync("44", Soon);
            Assert.DoesNotContain("41", await table.TextContentAsync() ?? "");
            await Assertions.Expect(reader.Locator($"#update-{resultsEntry} figure.data--results svg")).ToBeVisibleAsync(new() { Timeout = LiveSite.StepTimeoutMs });
        }
        // Nothing was reloaded: the page the reader opened is the page they still have.
        foreach (var (reader, i) in readers.Select((r, i) => (r, i)))
        {
            Assert.True(await StillMarkedAsync(reader), "The reader's page was reloaded.");
            await reader.ScreenshotAsync(site, $"live-readers-{name}-{i + 1}");
        }
        await Assertions.Expect(colleague.Locator($"#entry-{resultsEntry} figure.data--results table")).ToContainTextAsync("44", Soon);
        Assert.True(await StillMarkedAsync(colleague), "The colleague's desk was reloaded.");
        await staff.ScreenshotAsync(site, $"live-desk-{name}");
        await colleague.ScreenshotAsync(site, $"live-desk-colleague-{name}");
        await colleague.AssertAccessibleAsync(output);
    }

    /// <summary>A mark on the document as opened: a reload would lose it.</summary>
    private static async Task MarkAsync(IPage page) => await page.EvaluateAsync("() => { window.openedOnce = true; }");

    private static Task<bool> StillMarkedAsync(IPage page) => page.EvaluateAsync<bool>("() => window.openedOnce === true");

    private static string Results(int harbour, int green) =>
        $"```results\ntitle: Share of the vote\nsource: Election commission\nunit: %\nHarbour Party | {harbour}\nGreen Valley | {green}\nOthers | {100 - harbour - green}\n```";

    /// <returns>The new entry's id.</returns>
    private static async Task<int> PostEntryAsync(IPage staff, string? headline, string body)
    {
        if (headline is not null) await staff.FillAsync("#live-headline", headline);
        await staff.FillAsync("#live-body", body);
        await staff.SubmitAsync("[data-live-composer] button[type=submit]");
        var id = await staff.Locator(".live-desk__entries > li").First.GetAttributeAsync("id") ?? "";
        return int.Parse(id["entry-".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task EditEntryAsync(IPage staff, int entry, string body)
    {
        var form = $"#entry-{entry} form[action*='handler=Edit']";
        await staff.ClickAsync($"#entry-{entry} details:has(form[action*='handler=Edit']) > summary", new() { Timeout = LiveSite.StepTimeoutMs });
        await staff.FillAsync($"#body-{entry}", body);
        await staff.SubmitAsync($"{form} button[type=submit]");
    }

    private Task<IBrowserContext> ContextAsync(string origin, int width) =>
        site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = origin,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            IsMobile = width < 600,
            HasTouch = width < 600,
        });

    /// <summary>The demo's running election night, found through the site's feed.</summary>
    private static async Task<string> DemoLivePathAsync(IPage page)
    {
        await page.OpenAsync("/");
        var feed = await page.APIRequest.GetAsync("/feed");
        var xml = System.Xml.Linq.XDocument.Parse(await feed.TextAsync());
        var link = xml.Descendants("item").First(i => (string?)i.Element("title") == "Election night in Northbridge: live").Element("link")!.Value;
        return new Uri(link).AbsolutePath;
    }

    [GeneratedRegex(@"/newsroom/articles/(?<id>\d+)")]
    private static partial Regex ArticleIdIn();
}
