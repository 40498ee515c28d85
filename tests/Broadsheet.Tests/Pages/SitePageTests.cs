using System.Net;
using System.Xml.Linq;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Pages;
using Broadsheet.Infrastructure.Caching;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Pages;

public sealed class SitePageTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public SitePageTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    private static async Task<HttpResponseMessage> WriteAsync(HttpClient editor, string path, string title, string? slug, string body, bool inFooter = true, string order = "10") =>
        await editor.SubmitAsync(path, null, ("Input.Title", title), ("Input.Slug", slug), ("Input.Body", body),
            ("Input.MenuOrder", order), ("Input.InFooter", inFooter ? "true" : null));

    [Fact]
    public async Task An_editor_writes_a_page_and_readers_find_it_at_its_address_and_in_the_footer()
    {
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        using var saved = await WriteAsync(editor, "/newsroom/pages/new", "About us", "about", "We are **a city paper**.\n\nFounded in 1991.");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = await app.GetPageAsync("/about");
        Assert.Equal("About us", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("a city paper", page.QuerySelector(".story__body strong")!.TextContent);
        Assert.Equal("We are a city paper.", page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.EndsWith("/about", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        var home = await app.GetPageAsync("/");
        Assert.Equal(["/about"], home.QuerySelectorAll(".footer__pages a").Select(a => a.GetAttribute("href")));

        // The page was cached a moment ago; the next save shows at once, in the page and in every footer.
        var id = await app.WithDbAsync(db => db.SitePages.Where(p => p.Slug == "about").Select(p => p.Id).SingleAsync());
        using var renamed = await WriteAsync(editor, $"/newsroom/pages/{id}", "Who we are", "about", "Still a city paper.");
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal("Who we are", (await app.GetPageAsync("/about")).QuerySelector("h1")!.TextContent);
        Assert.Equal("Who we are", (await app.GetPageAsync("/")).QuerySelector(".footer__pages a")!.TextContent);
    }

    [Fact]
    public async Task A_page_left_out_of_the_footer_is_still_at_its_address_and_on_the_site_map()
    {
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        using var saved = await WriteAsync(editor, "/newsroom/pages/new", "Advertising", "", "Rates on request.", inFooter: false);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Equal("Advertising", (await app.GetPageAsync("/advertising")).QuerySelector("h1")!.TextContent);
        Assert.Empty((await app.GetPageAsync("/")).QuerySelectorAll(".footer__pages a"));
        Assert.Contains((await app.GetPageAsync("/sitemap")).QuerySelectorAll(".site-map a"), a => a.GetAttribute("href") == "/advertising");
    }

    [Theory]
    [InlineData("no-such-page")]
    [InlineData("Privacy")]
    [InlineData("privacy.php")]
    [InlineData("2024")]
    public async Task An_unknown_or_malformed_address_is_not_found(string slug)
    {
        await AddAsync("privacy", "Privacy policy");
        using var response = await app.Reader().GetAsync("/" + slug);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Pages_do_not_hide_articles_sections_or_the_sites_own_addresses()
    {
        var rubric = await publication.RubricAsync("City");
        var article = await publication.ArticleAsync("Tram line opens", rubric: rubric);
        await AddAsync("about", "About us");

        var reader = app.Reader();
        var local = BroadsheetApp.DefaultNow.ToOffset(TimeSpan.FromHours(3));
        foreach (var path in (string[])["/rubric/city", $"/{local:yyyy}/{local:MM}/{local:dd}/{article.Slug}", "/search", "/newsletter", "/feed", "/sitemap"])
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(path)).StatusCode);
    }

    [Theory]
    [InlineData("search")]
    [InlineData("newsroom")]
    [InlineData("feed")]
    [InlineData("rubric")]
    [InlineData("sitemap")]
    [InlineData("css")]
    [InlineData("1991")]
    [InlineData("about us")]
    public async Task A_page_cannot_take_an_address_the_site_already_answers_or_a_malformed_one(string slug)
    {
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        using var refused = await WriteAsync(editor, "/newsroom/pages/new", "Taken", slug, "Text.");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotNull((await refused.ParseAsync()).QuerySelector(".field-validation-error"));
        Assert.False(await app.WithDbAsync(db => db.SitePages.AnyAsync()));
    }

    [Fact]
    public async Task Two_pages_cannot_share_an_address()
    {
        await AddAsync("contacts", "Contacts");
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        using var refused = await WriteAsync(editor, "/newsroom/pages/new", "Contact us", "contacts", "Write to us.");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.SitePages.CountAsync()));
    }

    [Fact]
    public async Task Writers_cannot_edit_site_pages()
    {
        var writer = await app.SignedInAsync(StaffRoles.Author);
        using var response = await writer.GetAsync("/newsroom/pages/new");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_deleted_page_is_gone_from_its_address_and_the_footer()
    {
        var page = await AddAsync("about", "About us");
        Assert.Single((await app.GetPageAsync("/")).QuerySelectorAll(".footer__pages a"));
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        using var deleted = await editor.SubmitAsync($"/newsroom/pages/{page.Id}", "Delete");
        Assert.True(HttpStatusCode.Redirect == deleted.StatusCode, $"{deleted.StatusCode} {deleted.RequestMessage?.RequestUri} {(await deleted.ParseAsync()).QuerySelector("main, body")?.TextContent}");
        Assert.Equal(HttpStatusCode.NotFound, (await app.Reader().GetAsync("/about")).StatusCode);
        Assert.Empty((await app.GetPageAsync("/")).QuerySelectorAll(".footer__pages a"));
    }

    [Fact]
    public async Task The_comment_rules_the_consent_line_links_to_are_the_settings_rules_until_a_page_is_written()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await app.Reader().GetAsync(ProcessingConsent.RulesPath)).StatusCode);
        await publication.SettingsAsync(s => s.CommentRules = "Be civil. No links to other sites.");
        var rules = await app.GetPageAsync(ProcessingConsent.RulesPath);
        Assert.Equal("Be civil. No links to other sites.", rules.QuerySelector(".story__body")!.TextContent.Trim());

        await AddAsync("comment-rules", "House rules", "Be kind.");
        Assert.Equal("House rules", (await app.GetPageAsync(ProcessingConsent.RulesPath)).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task The_machines_sitemap_lists_the_pages()
    {
        await AddAsync("about", "About us");
        using var response = await app.Reader().GetAsync("/sitemaps/sections.xml");
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(xml.Descendants(XName.Get("loc", "http://www.sitemaps.org/schemas/sitemap/0.9")), l => l.Value.EndsWith("/about", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_site_map_for_readers_lists_sections_pages_and_the_archive_in_the_sites_language()
    {
        await publication.RubricAsync("Городская жизнь");
        await publication.ArticleAsync("Трамвай пошёл", publishedAt: BroadsheetApp.DefaultNow.UtcDateTime.AddDays(-40));
        await publication.ArticleAsync("Мост открыт");
        await AddAsync("contacts", "Контакты");
        await publication.SettingsAsync(s => s.Language = "ru");

        var home = await app.GetPageAsync("/");
        var link = home.QuerySelectorAll(".footer a").Single(a => a.GetAttribute("href") == "/sitemap");
        Assert.Equal("Карта сайта", link.TextContent);
        var map = await app.GetPageAsync("/sitemap");
        Assert.Equal("Карта сайта", map.QuerySelector("h1")!.TextContent);
        var links = map.QuerySelectorAll(".site-map a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        Assert.Contains(("/rubric/gorodskaya-zhizn", "Городская жизнь"), links);
        Assert.Contains(("/contacts", "Контакты"), links);
        Assert.Contains(("/2024/05", "Май 2024"), links);
        Assert.Contains(("/2024/04", "Апрель 2024"), links);
    }

    private async Task<SitePage> AddAsync(string slug, string title, string body = "Text.")
    {
        var page = new SitePage { Slug = slug, Title = title, Body = body, InFooter = true, UpdatedAt = app.Clock.GetUtcNow().UtcDateTime };
        await app.WithDbAsync(async db => { db.SitePages.Add(page); await db.SaveChangesAsync(); });
        await app.Services.GetRequiredService<CacheEviction>().EvictAsync(default, PageCache.SiteTag);
        return page;
    }
}
