using AngleSharp.Html.Parser;
using Broadsheet.Features.Articles;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Articles;

/// <summary>
/// A post or video link on its own line becomes a placeholder that fetches nothing from the third party
/// until the reader clicks (article.js opens the frame); the CSP frames only those hosts.
/// </summary>
public sealed class EmbedTests
{
    private static readonly ArticleBody Body = new();

    public static TheoryData<string, string, string> Links => new()
    {
        { "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" },
        { "https://youtu.be/dQw4w9WgXcQ?t=42", "YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" },
        { "https://vk.com/video-22822305_456239018", "VK Video", "https://vk.com/video_ext.php?oid=-22822305&id=456239018&hd=2" },
        { "https://vkvideo.ru/video-22822305_456239018", "VK Video", "https://vk.com/video_ext.php?oid=-22822305&id=456239018&hd=2" },
        { "https://t.me/durov/43", "Telegram", "https://t.me/durov/43?embed=1" },
        { "https://x.com/nasa/status/1234567890123456789", "X", "https://platform.twitter.com/embed/Tweet.html?id=1234567890123456789" },
        { "https://twitter.com/nasa/status/1234567890123456789", "X", "https://platform.twitter.com/embed/Tweet.html?id=1234567890123456789" },
    };

    [Theory]
    [MemberData(nameof(Links))]
    public void A_link_on_its_own_line_becomes_a_placeholder_that_loads_nothing(string url, string source, string frame)
    {
        var html = Body.Render($"Before.\n\n{url}\n\nAfter.");

        var document = new HtmlParser().ParseDocument(html);
        var box = document.QuerySelector("figure.embed")!;
        Assert.Equal(frame, box.GetAttribute("data-embed"));
        Assert.Equal(source, box.QuerySelector(".embed__source")!.TextContent);
        Assert.Equal(url, box.QuerySelector("a.embed__link")!.GetAttribute("href"));
        // Nothing the browser would fetch on its own: no frame, no script, no picture, no src anywhere.
        Assert.Empty(document.QuerySelectorAll("iframe, script, img, [src]"));
        Assert.Equal(["Before.", "After."], document.QuerySelectorAll("p").Select(p => p.TextContent));
    }

    [Theory]
    [InlineData("Watch https://www.youtube.com/watch?v=dQw4w9WgXcQ today.")]
    [InlineData("[the video](https://www.youtube.com/watch?v=dQw4w9WgXcQ)")]
    [InlineData("https://example.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://t.me/durov")]
    public void Other_links_stay_links(string markdown)
    {
        var document = new HtmlParser().ParseDocument(Body.Render(markdown));

        Assert.Null(document.QuerySelector("figure.embed"));
        Assert.NotNull(document.QuerySelector("p"));
    }

    [Fact]
    public void Raw_html_cannot_point_a_placeholder_at_another_host()
    {
        var html = Body.Render("<figure class=\"embed\" data-embed=\"https://evil.example/frame\"><a href=\"https://evil.example\">x</a></figure>");

        var box = new HtmlParser().ParseDocument(html).QuerySelector("figure")!;
        Assert.False(box.HasAttribute("data-embed"));
    }

    [Fact]
    public async Task The_article_page_frames_only_the_embed_hosts_and_loads_nothing_from_them()
    {
        using var app = new BroadsheetApp();
        var article = await new TestPublication(app).ArticleAsync("Launch day", body: "The launch:\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nhttps://t.me/durov/43\n");

        using var response = await app.Reader().GetAsync(PageUrl.Of(app, article));
        var page = await response.ParseAsync();

        Assert.Equal(2, page.QuerySelectorAll(".story__body figure.embed[data-embed]").Length);
        Assert.All(page.QuerySelectorAll("[src]").Select(e => e.GetAttribute("src")!), src => Assert.StartsWith("/", src));
        Assert.NotEmpty(page.QuerySelector(".story__body")!.GetAttribute("data-embed-load")!);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-src https://www.youtube-nocookie.com https://vk.com https://t.me https://platform.twitter.com", csp);
        Assert.Contains("script-src 'self';", csp);
    }
}
