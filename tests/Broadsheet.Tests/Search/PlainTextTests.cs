using AngleSharp.Html.Parser;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Search;

namespace Broadsheet.Tests.Search;

/// <summary>
/// The body text search indexes and marks snippets in is read from the sanitized HTML by a quick scan, not by
/// parsing; it must give exactly what a parser's TextContent gives for anything the newsroom can write.
/// </summary>
public sealed class PlainTextTests
{
    public static TheoryData<string> Bodies() =>
    [
        "Plain words, no markup at all.",
        "The council **approved** the _budget_ — 5 < 6 && 7 > 3; \"quoted\" & 'single'.",
        "A [link with \"quotes\" > and <](https://example.org/a?b=1&c=2 \"title > with 'quotes'\") inside.",
        "![alt text with > and \" and '](/media/photo.jpg \"caption > here\")\n\nAfter the picture.",
        "Code: `<script>alert('x')</script>` and <b onclick=\"a > b\">raw bold</b> and <img src=x onerror=alert(1)>.",
        "<p title='it\"s > fine'>Raw paragraph</p>\n\n<!-- a comment > with a gt -->\n\nText after.",
        "| a | b |\n|---|---|\n| 1 < 2 | &amp; &nbsp; &copy; &#x416; |",
        "Выборы в городскую думу: «явка» — 42 %; ёлка & Ёж.\n\n> Цитата > с угловыми скобками <",
        "Line one  \nline two\n\n- item one\n- item <two>\n\n1. first\n2. second",
    ];

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Gives_what_a_parser_gives_for_the_sanitized_body(string markdown)
    {
        var html = new ArticleBody().Render(markdown);

        var parsed = new HtmlParser().ParseDocument(html).Body!.TextContent;

        Assert.Equal(parsed, ArticleSource.PlainText(html));
    }

    [Theory]
    [InlineData("<p><img alt=\"a > b\" title='c > d'>after <a href=\"x\" title=\"it's > here\">link</a></p>")]
    [InlineData("<p data-x='say \"hi\" > there'>words</p>")]
    public void A_greater_than_sign_inside_a_quoted_attribute_does_not_end_the_tag(string html)
    {
        // The sanitizer writes '>' in attributes as &gt;, but the scan does not count on it.
        Assert.Equal(new HtmlParser().ParseDocument(html).Body!.TextContent, ArticleSource.PlainText(html));
        Assert.DoesNotContain(">", ArticleSource.PlainText(html));
    }

    [Fact]
    public void Empty_and_markup_free_bodies_come_back_as_they_are()
    {
        Assert.Equal("", ArticleSource.PlainText(""));
        Assert.Equal("Just words.", ArticleSource.PlainText("Just words."));
    }
}
