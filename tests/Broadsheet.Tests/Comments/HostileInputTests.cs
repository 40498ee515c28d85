using System.Net;
using System.Text;
using AngleSharp.Dom;
using Broadsheet.Features.Comments;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Comments;

/// <summary>Hostile text posted as comments comes out inert: encoded on the page, parsed and checked, or refused with a message.</summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly BroadsheetApp app = new();

    public HostileInputTests()
    {
        app.WithoutPreModeration();
        app.Settings["Broadsheet:Comments:PerMinute"] = "100000";
        app.Settings["Broadsheet:Comments:PerDay"] = "100000";
        app.Settings["Broadsheet:Comments:PageSize"] = "1000";
    }

    public void Dispose() => app.Dispose();

    private static readonly string[] Payloads =
    [
        "<script>alert(1)</script>", "<SCRIPT SRC=//x.test/x.js></SCRIPT>", "<scr<script>ipt>alert(1)</script>", "</p><script>alert(1)</script><p>",
        "<img src=x onerror=alert(1)>", "<img src=\"x\" onerror=\"alert('x')\">", "<body onload=alert(1)>", "<div onmouseover=\"alert(1)\">hover</div>",
        "<svg onload=alert(1)>", "<svg><script>alert(1)</script></svg>", "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "<iframe src=javascript:alert(1)></iframe>", "<iframe srcdoc='<script>alert(1)</script>'>",
        "<a href=\"javascript:alert(1)\">click</a>", "<a href=\"jav&#x09;ascript:alert(1)\">x</a>", "javascript:alert(document.cookie)", "JaVaScRiPt:alert(1)",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>", "<object data=javascript:alert(1)>", "<embed src=javascript:alert(1)>",
        "<style>body{background:url(javascript:alert(1))}</style>", "<div style=\"width: expression(alert(1))\">", "<p style=\"behavior:url(x.htc)\">x</p>",
        "<link rel=stylesheet href=//x.test/x.css>", "<meta http-equiv=refresh content=\"0;url=//x.test\">", "<base href=//x.test/>",
        "<form action=//x.test><input name=q></form>", "<input autofocus onfocus=alert(1)>", "<details open ontoggle=alert(1)>", "<video><source onerror=alert(1)>",
        "<template><script>alert(1)</script></template>", "<!--<script>alert(1)</script>-->", "<![CDATA[<script>alert(1)</script>]]>", "<?xml version=\"1.0\"?><x/>",
        "&lt;script&gt;alert(1)&lt;/script&gt;", "&#60;script&#62;alert(1)&#60;/script&#62;", "&amp;lt;b&amp;gt;", "&nbsp;&copy;&#x3C;&#0;", "&quot;&apos;&lt;&gt;",
        "\"><script>alert(1)</script>", "'><img src=x onerror=alert(1)>", "</textarea><script>alert(1)</script>", "</title><script>alert(1)</script>",
        "{{constructor.constructor('alert(1)')()}}", "${alert(1)}", "@(System.IO.File.ReadAllText(\"/etc/passwd\"))", "@{ throw new Exception(); }",
        "\u202Egnp.exe", "abc\u202Edef\u202Cghi", "\u2066isolate\u2069 \u200Fmark", "\u200B\u200C\u200D\uFEFFinvisible", "text\u0000with\u0001controls\u0007",
        "\uD800lone high", "lone low\uDC00", "🙂 emoji and 👨‍👩‍👧 family", "Ｆｕｌｌｗｉｄｔｈ ＜ｓｃｒｉｐｔ＞", "﹤script﹥alert(1)﹤/script﹥",
        "\u003cscript\u003e", "%3Cscript%3Ealert(1)%3C/script%3E", "\\x3cscript\\x3e", "<<SCRIPT>alert(\"XSS\");//<</SCRIPT>", "<IMG \"\"\"><SCRIPT>alert(1)</SCRIPT>\">",
        "line one\nline two\n\n\n\n\n\nline after many", "tab\tseparated\tvalues", "carriage\r\nreturns\rmixed", "' OR 1=1 --", "'; DROP TABLE Comment; --",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">", "<xmp><script>alert(1)</script></xmp>", "<plaintext>rest of page", "<table><td>cell",
        "<marquee onstart=alert(1)>", "<isindex action=javascript:alert(1) type=image>", "<x onclick=alert(1)>click</x>", "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
    ];

    /// <summary>Each payload alone, inside a sentence, after a line break, and in capitals: well over 200 posts.</summary>
    public static IEnumerable<string> Corpus() => Payloads.SelectMany<string, string>(p =>
        [p, $"I think {p} is wrong", $"Quote:\n{p}\nend", p.ToUpperInvariant()]).Distinct();

    [Fact]
    public async Task Two_hundred_hostile_comments_come_out_inert_on_the_page_or_are_refused_with_a_message()
    {
        var corpus = Corpus().ToList();
        Assert.True(corpus.Count >= 200, $"only {corpus.Count}");
        var article = await app.OpenArticleAsync();
        var (_, reader) = await app.ReaderAsync();

        foreach (var text in corpus)
        {
            var answer = await reader.CommentAsync(article.Id, text);
            Assert.True((int)answer.Status < 500, $"{answer.Status} for {text}");
            if (!answer.Status.Equals(HttpStatusCode.Created) && !answer.Status.Equals(HttpStatusCode.Accepted))
                Assert.False(string.IsNullOrWhiteSpace(answer.Message), $"no message for {text}");
        }

        var published = await app.WithDbAsync(db => db.Comments.Where(c => c.Status == CommentStatus.Published).OrderBy(c => c.Id).Select(c => c.Text).ToListAsync());
        Assert.True(published.Count > 150, $"only {published.Count} published");
        foreach (var path in new[] { PageUrl.Of(app, article), $"/articles/{article.Id}/comments" })
        {
            var page = path.StartsWith("/articles/", StringComparison.Ordinal) ? await reader.GetDocumentAsync(path) : await app.GetPageAsync(path);
            // The reader's own comments held by a rule show to them in place, marked as waiting: not among the published.
            var shown = page.QuerySelectorAll(".comment:not(.comment--waiting) > .comment__text").ToList();
            Assert.Equal(published, shown.Select(e => e.TextContent));
            Assert.All(shown, e => Assert.Empty(e.Children));
            AssertOnlyExpectedStructure(page.QuerySelector("#comments")!);
            Assert.Empty(page.QuerySelectorAll("script:not([src]):not([type='application/ld+json'])"));
        }
    }

    private static readonly HashSet<string> Expected = ["SECTION", "H1", "H2", "P", "SPAN", "DETAILS", "SUMMARY", "OL", "LI", "TIME", "A", "FORM", "INPUT", "LABEL", "SELECT", "OPTION", "BUTTON", "TEXTAREA", "DIV", "NAV", "FIELDSET", "LEGEND"];

    private static void AssertOnlyExpectedStructure(IElement comments)
    {
        foreach (var e in comments.QuerySelectorAll("*"))
        {
            Assert.Contains(e.TagName, Expected);
            Assert.DoesNotContain(e.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Name == "style" || a.Name == "srcdoc");
            if (e.GetAttribute("href") is { } href) Assert.True(href.StartsWith('/') || href.StartsWith('?'), href);
        }
    }

    [Fact]
    public async Task Direction_overrides_and_control_characters_are_dropped_from_the_stored_text()
    {
        var article = await app.OpenArticleAsync();
        var (_, reader) = await app.ReaderAsync();

        var answer = await reader.CommentAsync(article.Id, "abc\u202Edef\u202C ghi\u0000\u0007 \uD800end");

        // The lone surrogate never arrives as one: JSON on the wire turns it into U+FFFD, which is shown as such.
        Assert.Equal("abcdef ghi \uFFFDend", (await app.CommentInDbAsync(answer.Id!.Value)).Text);
    }

    [Fact]
    public async Task Broken_utf8_is_refused_with_a_message_not_a_500()
    {
        var article = await app.OpenArticleAsync();
        var (_, reader) = await app.ReaderAsync();
        var prefix = Encoding.UTF8.GetBytes("{\"text\":\"broken ");
        var suffix = Encoding.UTF8.GetBytes(" bytes\"}");
        byte[] body = [.. prefix, 0xC3, 0x28, 0xA0, 0xA1, 0xF0, 0x28, 0x8C, 0xBC, 0xFF, .. suffix];
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/articles/{article.Id}/comments") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        request.Headers.Add("RequestVerificationToken", await reader.TokenAsync());

        using var response = await reader.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(CommentMessages.English.NotUnderstood, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_megabyte_of_text_is_refused_as_too_long()
    {
        var article = await app.OpenArticleAsync();
        var (_, reader) = await app.ReaderAsync();

        var answer = await reader.CommentAsync(article.Id, new string('x', 1024 * 1024));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        Assert.StartsWith("A comment may be at most 4,000 characters long", answer.Message);
        Assert.Equal(0, await app.WithDbAsync(db => db.Comments.CountAsync()));
    }

    [Fact]
    public async Task A_megabyte_through_the_plain_form_is_refused_with_a_message_too()
    {
        var article = await app.OpenArticleAsync();
        var (_, reader) = await app.ReaderAsync();

        using var answer = await reader.SubmitAsync($"/articles/{article.Id}/comments", null, ("Text", new string('x', 1024 * 1024)));

        Assert.True((int)answer.StatusCode is >= 400 and < 500, answer.StatusCode.ToString());
        Assert.Equal(0, await app.WithDbAsync(db => db.Comments.CountAsync()));
    }
}
