using System.Net;
using Broadsheet.Features.Site;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Site;

public sealed class SiteTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public SiteTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        var article = await publication.ArticleAsync("Headers");
        foreach (var path in new[] { "/", PageUrl.Of(app, article), "/css/site.css", "/no-such-page" })
        {
            var response = await app.Reader().GetAsync(path);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("script-src 'self'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }

    [Fact]
    public async Task Every_icon_a_page_names_is_served_and_the_browsers_own_favicon_request_is_too()
    {
        var article = await publication.ArticleAsync("Icons");
        var page = await app.GetPageAsync(PageUrl.Of(app, article));
        var icons = page.QuerySelectorAll("link[rel~=icon], link[rel=apple-touch-icon]").Select(l => l.GetAttribute("href")!).ToList();
        Assert.Contains("/favicon.ico", icons);
        foreach (var path in icons)
        {
            using var response = await app.Reader().GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("image/", response.Content.Headers.ContentType?.MediaType);
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100, path);
        }
    }

    [Fact]
    public async Task Pages_carry_no_inline_script()
    {
        var article = await publication.ArticleAsync("No inline script");
        var page = await app.GetPageAsync(PageUrl.Of(app, article));
        Assert.All(page.Scripts, s => Assert.True(s.Source is { Length: > 0 } || s.Type == "application/ld+json"));
    }

    [Fact]
    public async Task Unknown_path_is_a_real_404_page()
    {
        var response = await app.Reader().GetAsync("/this/does/not/exist/anywhere");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Russian_site_speaks_russian_with_plural_forms_and_moscow_dates()
    {
        await publication.SettingsAsync(s => { s.Language = "ru"; s.TimeZoneLabel = "мск"; s.ViewsShownFrom = 1; });
        var views = new Dictionary<long, string> { [1] = "1 просмотр", [2] = "2 просмотра", [5] = "5 просмотров", [11] = "11 просмотров", [21] = "21 просмотр", [1234] = "1 234 просмотра" };
        foreach (var (count, expected) in views)
        {
            var article = await publication.ArticleAsync($"Статья {count}", slug: $"statya-{count}", views: count,
                publishedAt: new DateTime(2022, 11, 18, 21, 19, 0, DateTimeKind.Utc));
            var page = await app.GetPageAsync(PageUrl.Of(app, article));
            Assert.Equal(expected, page.QuerySelector("[data-views]")!.TextContent.Replace('\u00A0', ' ').Replace('\u202F', ' '));
            Assert.Equal("19.11.2022 00:19 (мск)", page.QuerySelector(".story__published")!.TextContent);
            Assert.Equal("ru", page.DocumentElement.GetAttribute("lang"));
            Assert.Contains("выделите фрагмент текста и нажмите Ctrl+Enter", page.QuerySelector(".story__typo-hint")!.TextContent);
        }
    }

    [Fact]
    public async Task Russian_text_is_sent_as_letters_and_markup_stays_escaped()
    {
        await publication.SettingsAsync(s => s.Language = "ru");
        var article = await publication.ArticleAsync("Выборы <b>в думу</b> & «итоги»", slug: "vybory");
        using var response = await app.Reader().GetAsync(PageUrl.Of(app, article));
        var html = await response.Content.ReadAsStringAsync();

        // Letters as letters: the page is not several times heavier in &#x…; codes.
        Assert.Contains("Выборы &lt;b&gt;в думу&lt;/b&gt; &amp; «итоги»", html);
        Assert.DoesNotContain("&#x412;", html);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Equal("Выборы <b>в думу</b> & «итоги»", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("h1 b"));
    }

    [Theory]
    [InlineData(0, "просмотров")]
    [InlineData(1, "просмотр")]
    [InlineData(3, "просмотра")]
    [InlineData(12, "просмотров")]
    [InlineData(14, "просмотров")]
    [InlineData(22, "просмотра")]
    [InlineData(101, "просмотр")]
    [InlineData(111, "просмотров")]
    public void Russian_plural_picks_the_right_form(long n, string form) =>
        Assert.Equal(form, Plural.Russian(n, "просмотр", "просмотра", "просмотров"));

    [Theory]
    [InlineData(1000, "Найдено: более 1\u00a0000 статей")]
    [InlineData(21, "Найдено: более 21 статьи")]
    public void More_than_a_count_takes_the_genitive_in_Russian(long n, string text) =>
        Assert.Equal(text, SearchPageText.Russian.FoundMoreThan(n));

    // A common word's matches in a large archive are counted exactly: hundreds of thousands, grouped as each language writes them.
    [Theory]
    [InlineData(870_893, "Found: 870,893 articles", "Найдено: 870\u00a0893 статьи")]
    [InlineData(21, "Found: 21 articles", "Найдено: 21 статья")]
    public void A_count_is_written_in_groups_of_thousands(long n, string english, string russian)
    {
        Assert.Equal(english, SearchPageText.English.Found(n));
        Assert.Equal(russian, SearchPageText.Russian.Found(n));
    }

    [Fact]
    public async Task Time_zone_and_label_are_site_settings()
    {
        await publication.SettingsAsync(s => { s.TimeZoneId = "Europe/London"; s.TimeZoneLabel = "London time"; });
        var article = await publication.ArticleAsync("Summer time", publishedAt: new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc));
        var page = await app.GetPageAsync(PageUrl.Of(app, article));
        Assert.Equal("1 May 2024, 11:00 (London time)", page.QuerySelector(".story__published")!.TextContent);
    }

    [Fact]
    public async Task Subscribe_block_lists_the_channels_and_disappears_without_them()
    {
        var article = await publication.ArticleAsync("Channels");
        var url = PageUrl.Of(app, article);
        Assert.Null((await app.GetPageAsync(url)).QuerySelector(".subscribe"));

        await publication.SettingsAsync(s => s.Channels.Add(new Channel { Name = "Telegram", Url = "https://t.me/example", Position = 1 }));
        var page = await app.GetPageAsync(url);
        Assert.Equal("https://t.me/example", page.QuerySelector(".subscribe a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Oversized_request_bodies_are_refused()
    {
        using var content = new ByteArrayContent(new byte[2 * 1024 * 1024]);
        var response = await app.Reader().PostAsync("/", content);
        Assert.True((int)response.StatusCode is 413 or 400 or 405, $"got {(int)response.StatusCode}");
    }
}
