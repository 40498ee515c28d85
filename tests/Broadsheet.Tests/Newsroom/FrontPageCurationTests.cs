using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Audit;
using Broadsheet.Features.Site;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Newsroom;

public sealed class FrontPageCurationTests : IDisposable
{
    private const string Screen = "/newsroom/front-page";
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;
    private readonly HeldReading heldStrip = new("BreakingNews");

    public FrontPageCurationTests()
    {
        app.Replace = services => services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(heldStrip);
        publication = new TestPublication(app);
    }

    public void Dispose()
    {
        heldStrip.Release();
        app.Dispose();
    }

    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    private static List<string> TopTitles(IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".top .teaser__title").Select(t => t.TextContent.Trim())];

    /// <summary>
    /// Reads the home page as a reader would. The clock moves a second first: HybridCache treats what was
    /// loaded at the very instant of an eviction as stale, and the test clock otherwise stands still.
    /// </summary>
    private async Task<IHtmlDocument> HomeAsync()
    {
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        return await app.GetPageAsync("/");
    }

    private async Task<List<AuditEntry>> AuditAsync(string action) =>
        await app.WithDbAsync(db => db.AuditLog.Where(e => e.Action == action).OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task Editors_set_the_order_of_top_stories_and_readers_see_it_at_once()
    {
        var first = await publication.ArticleAsync("Council budget", prominence: 1, publishedAt: Now.AddHours(-3));
        var second = await publication.ArticleAsync("River floods", prominence: 1, publishedAt: Now.AddHours(-2));
        var third = await publication.ArticleAsync("Quiet market day", publishedAt: Now.AddHours(-1));
        Assert.Equal(["River floods", "Council budget"], TopTitles(await HomeAsync()));

        var editor = await app.SignedInAsync(StaffRoles.Editor);
        using var response = await editor.SubmitAsync(await editor.GetDocumentAsync(Screen), Screen, "Order",
            ("order", third.Id.ToString(CultureInfo.InvariantCulture)), ("order", first.Id.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.Equal(["Quiet market day", "Council budget"], TopTitles(await app.GetPageAsync("/")));
        var entry = Assert.Single(await AuditAsync(AuditAction.FrontPage));
        Assert.Equal(third.Id, entry.ArticleId);
        Assert.DoesNotContain(second.Id.ToString(CultureInfo.InvariantCulture), entry.Details.Split(", "));
    }

    [Fact]
    public async Task The_up_button_moves_a_story_without_a_mouse_or_script()
    {
        var olderLead = await publication.ArticleAsync("Older lead", prominence: 1, publishedAt: Now.AddHours(-3));
        await publication.ArticleAsync("Newer story", prominence: 1, publishedAt: Now.AddHours(-2));
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        var screen = await editor.GetDocumentAsync(Screen);
        Assert.Equal(["Newer story", "Older lead"], screen.QuerySelectorAll(".curation__title").Select(a => a.TextContent.Trim()));

        var older = screen.QuerySelectorAll(".curation__item")[1];
        using var response = await editor.SubmitAsync(screen, Screen, "Move",
            ("id", older.GetAttribute("data-id")), ("by", "-1"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.Equal(["Older lead", "Newer story"], TopTitles(await HomeAsync()));
        Assert.Equal(olderLead.Id, (await AuditAsync(AuditAction.FrontPage)).Single().ArticleId);
    }

    [Fact]
    public async Task A_story_appears_once_on_the_front_page_and_a_chosen_story_leads_its_rubric()
    {
        var politics = await publication.RubricAsync("Politics");
        var lead = await publication.ArticleAsync("Election called", prominence: 2, rubric: politics, publishedAt: Now.AddMinutes(-5));
        for (var i = 0; i < 20; i++)
            await publication.ArticleAsync($"Politics story {i}", rubric: politics, publishedAt: Now.AddMinutes(-10 - i));
        var chosen = await publication.ArticleAsync("Old analysis", rubric: politics, publishedAt: Now.AddDays(-4));

        var page = await HomeAsync();
        var links = page.QuerySelectorAll(".front__main .teaser__title a, .stream__list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(links.Count, links.Distinct().Count());
        Assert.Equal("Election called", TopTitles(page)[0]);
        Assert.DoesNotContain("Election called", page.QuerySelector(".rubric-block")!.TextContent);

        var editor = await app.SignedInAsync(StaffRoles.Editor);
        var politicsId = politics.Id.ToString(CultureInfo.InvariantCulture);
        var screen = await editor.GetDocumentAsync(Screen);
        var form = screen.GetElementById($"rubric-{politicsId}")!;
        using var response = await editor.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(
            [.. Forms.Fields(form).Where(f => f.Key != "id"), new("id", chosen.Id.ToString(CultureInfo.InvariantCulture))]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        page = await HomeAsync();
        Assert.Equal("Old analysis", page.QuerySelector(".rubric-block .teaser__title")!.TextContent.Trim());
        Assert.Equal("Election called", TopTitles(page)[0]);
        links = page.QuerySelectorAll(".front__main .teaser__title a, .stream__list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(links.Count, links.Distinct().Count());
        Assert.Equal(1, links.Count(l => l == PageUrl.Of(app, lead)));
    }

    [Fact]
    public async Task With_nothing_chosen_the_newest_important_story_leads_however_old()
    {
        await publication.ArticleAsync("Week-old investigation", prominence: 1, publishedAt: Now.AddDays(-7));
        await publication.ArticleAsync("Routine notice", publishedAt: Now.AddDays(-5));
        Assert.Equal(["Week-old investigation"], TopTitles(await HomeAsync()));
    }

    [Fact]
    public async Task With_no_important_story_at_all_the_newest_story_leads()
    {
        await publication.ArticleAsync("Older notice", publishedAt: Now.AddDays(-6));
        await publication.ArticleAsync("Newest notice", publishedAt: Now.AddDays(-5));
        var page = await HomeAsync();
        Assert.Equal(["Newest notice"], TopTitles(page));
        Assert.DoesNotContain("Newest notice", page.QuerySelector(".stream")!.TextContent);
    }

    [Fact]
    public async Task A_chosen_story_that_is_withdrawn_leaves_the_page_with_its_lead_filled()
    {
        var chosen = await publication.ArticleAsync("Chosen story", publishedAt: Now.AddHours(-2));
        await publication.ArticleAsync("Marked story", prominence: 1, publishedAt: Now.AddHours(-3));
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        using (await editor.SubmitAsync(Screen, "Order", ("order", chosen.Id.ToString(CultureInfo.InvariantCulture)))) { }
        Assert.Equal(["Chosen story"], TopTitles(await HomeAsync()));

        await app.WithDbAsync(db => db.Articles.Where(a => a.Id == chosen.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, ArticleStatus.Unpublished)));
        await app.Services.GetRequiredService<Broadsheet.Infrastructure.Caching.CacheEviction>()
            .EvictAsync(default, Broadsheet.Infrastructure.Caching.PageCache.ListingsTag);
        Assert.Equal(["Marked story"], TopTitles(await HomeAsync()));
    }

    [Fact]
    public async Task The_breaking_strip_shows_on_every_public_page_at_once_and_leaves_with_its_expiry()
    {
        var story = await publication.ArticleAsync("Ordinary story", publishedAt: Now.AddHours(-1));
        var storyPath = PageUrl.Of(app, story);
        Assert.Null((await HomeAsync()).QuerySelector(".breaking"));
        Assert.Null((await app.GetPageAsync(storyPath)).QuerySelector(".breaking"));

        var editor = await app.SignedInAsync(StaffRoles.Editor);
        var site = app.Services.GetRequiredService<SiteSettingsStore>().Current;
        // A strip that lives two seconds, so that a page cached with it must leave the cache as soon.
        var expires = site.ToLocal(Now.AddSeconds(2)).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        using var response = await editor.SubmitAsync(Screen, "Breaking",
            ("Breaking.Text", "Polls have closed"), ("Breaking.Link", storyPath), ("Breaking.ExpiresAt", expires));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var home = await app.GetPageAsync("/");
        Assert.Equal("Polls have closed", home.QuerySelector(".breaking__text")!.TextContent.Trim());
        Assert.Equal(storyPath, home.QuerySelector(".breaking a")!.GetAttribute("href"));
        Assert.NotNull((await app.GetPageAsync(storyPath)).QuerySelector(".breaking"));
        Assert.Single(await AuditAsync(AuditAction.Breaking));

        // Both clocks must pass the expiry: the site's (the strip's rule) and the page cache's own (real time).
        app.Clock.Advance(TimeSpan.FromSeconds(3));
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.Null((await app.GetPageAsync("/")).QuerySelector(".breaking"));
        Assert.Null((await app.GetPageAsync(storyPath)).QuerySelector(".breaking"));
    }

    [Fact]
    public async Task A_strip_posted_while_a_page_reads_the_old_one_still_shows_at_once()
    {
        Assert.Null((await HomeAsync()).QuerySelector(".breaking"));
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        var site = app.Services.GetRequiredService<SiteSettingsStore>().Current;
        var expires = site.ToLocal(Now.AddHours(1)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

        // A page being rendered on this node has just read "no strip" when the editor posts one.
        var strips = app.Services.GetRequiredService<BreakingNewsStore>();
        strips.Forget();
        heldStrip.Hold();
        var reading = strips.LiveAsync().AsTask();
        await heldStrip.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        using (await editor.SubmitAsync(Screen, "Breaking", ("Breaking.Text", "Polls have closed"), ("Breaking.ExpiresAt", expires))) { }
        heldStrip.Release();
        Assert.Null(await reading.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal("Polls have closed", (await HomeAsync()).QuerySelector(".breaking__text")?.TextContent.Trim());
    }

    [Fact]
    public async Task Taking_the_strip_down_removes_it_from_cached_pages_at_once()
    {
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        var site = app.Services.GetRequiredService<SiteSettingsStore>().Current;
        var expires = site.ToLocal(Now.AddHours(1)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        using (await editor.SubmitAsync(Screen, "Breaking", ("Breaking.Text", "Storm warning"), ("Breaking.ExpiresAt", expires))) { }
        var home = await app.GetPageAsync("/");
        Assert.Equal("Storm warning", home.QuerySelector(".breaking__text")!.TextContent.Trim());
        Assert.Null(home.QuerySelector(".breaking a"));

        using var response = await editor.SubmitAsync(Screen, "BreakingOff");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null((await app.GetPageAsync("/")).QuerySelector(".breaking"));
        Assert.Equal(2, (await AuditAsync(AuditAction.Breaking)).Count);
    }

    [Theory]
    [InlineData("javascript:alert(1)", 1)]
    [InlineData("/a-story", -1)]
    public async Task A_bad_link_or_a_past_expiry_shows_the_form_again_and_saves_nothing(string link, int hours)
    {
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        var site = app.Services.GetRequiredService<SiteSettingsStore>().Current;
        var expires = site.ToLocal(Now.AddHours(hours)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        using var response = await editor.SubmitAsync(Screen, "Breaking", ("Breaking.Text", "Bad strip"), ("Breaking.Link", link), ("Breaking.ExpiresAt", expires));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await response.ParseAsync()).QuerySelector(".desk__error li"));
        Assert.Equal(0, await app.WithDbAsync(db => db.BreakingNews.CountAsync()));
        Assert.Empty(await AuditAsync(AuditAction.Breaking));
    }

    [Fact]
    public async Task An_author_cannot_open_the_front_page_screen()
    {
        var author = await app.SignedInAsync(StaffRoles.Author);
        using var response = await author.GetAsync(Screen);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
