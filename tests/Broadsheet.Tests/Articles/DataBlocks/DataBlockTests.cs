using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Articles.DataBlocks;

/// <summary>
/// A ```results, ```poll or ```chart block in an article is drawn on the server: a table for screen readers,
/// an SVG chart for the eye, figures in the site's language; a block that cannot be read never breaks a page.
/// </summary>
public sealed class DataBlockTests
{
    private static readonly ArticleBody Body = new();
    private static readonly SiteContext English = new(new SiteSettings { Language = "en" });
    private static readonly SiteContext Russian = new(new SiteSettings { Language = "ru" });

    private const string Results = """
        Before.

        ```results
        title: Council election
        source: City election commission
        as of: 23:40
        unit: %
        Civic Alliance | 42.5 | #2f6db5
        Labour: 31.2 #c0392b
        Greens | 10
        ```

        After.
        """;

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private static double Width(IElement rect) => double.Parse(rect.GetAttribute("width")!, CultureInfo.InvariantCulture);

    [Fact]
    public void Results_become_a_captioned_table_and_bars_in_proportion()
    {
        var page = Parse(Body.Render(Results, site: English));

        var figure = page.QuerySelector("figure.data")!;
        var table = figure.QuerySelector("table")!;
        Assert.Equal("Council election", table.QuerySelector("caption")!.TextContent);
        Assert.Equal(["Civic Alliance", "Labour", "Greens"], table.QuerySelectorAll("tbody th[scope=row]").Select(th => th.TextContent));
        Assert.Equal(["42.5%", "31.2%", "10.0%"], table.QuerySelectorAll("tbody td").Select(td => td.TextContent));

        var svg = figure.QuerySelector("svg")!;
        Assert.Equal("true", svg.GetAttribute("aria-hidden"));
        Assert.StartsWith("0 0 320 ", svg.GetAttribute("viewBox"));
        var bars = svg.QuerySelectorAll("rect.data__bar").ToList();
        Assert.Equal(3, bars.Count);
        Assert.Equal(320, Width(bars[0]));
        Assert.Equal(31.2 / 42.5, Width(bars[1]) / Width(bars[0]), 2);
        Assert.Equal(10 / 42.5, Width(bars[2]) / Width(bars[0]), 2);
        Assert.Equal(["#2f6db5", "#c0392b"], bars.Take(2).Select(b => b.GetAttribute("fill")));
        Assert.Equal("Source: City election commission · As of 23:40", figure.QuerySelector("figcaption")!.TextContent);
        Assert.Equal(["Before.", "After."], page.QuerySelectorAll("body > p").Select(p => p.TextContent));
        // Nothing runs and nothing is fetched.
        Assert.Empty(page.QuerySelectorAll("script, img, iframe, [src], [style]"));
    }

    [Fact]
    public void A_Russian_site_writes_figures_the_Russian_way()
    {
        var page = Parse(Body.Render("""
            ```итоги
            заголовок: Выборы
            источник: ЦИК
            данные на: 23:40
            единица: %
            Партия А | 42,5
            Партия Б | 1 234
            ```
            """, site: Russian));

        Assert.Equal(["42,5\u00A0%", "1\u00A0234,0\u00A0%"], page.QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Equal("Кандидат или партия", page.QuerySelector("thead th")!.TextContent);
        Assert.Equal("Источник: ЦИК · Данные на 23:40", page.QuerySelector("figcaption")!.TextContent);
        Assert.Contains("42,5\u00A0%", page.QuerySelector("svg")!.TextContent);
    }

    [Fact]
    public void A_poll_draws_the_margin_of_error_as_whiskers_and_says_it()
    {
        var page = Parse(Body.Render("""
            ```poll
            title: Voting intention
            margin: 3
            unit: %
            A | 38
            B | 27 | ±4
            ```
            """, site: English));

        var whiskers = page.QuerySelectorAll("path.data__whisker");
        Assert.Equal(2, whiskers.Length);
        Assert.Equal(["±3\u00A0pp", "±4\u00A0pp"], page.QuerySelectorAll("tbody tr td:last-child").Select(td => td.TextContent));
        Assert.Equal("Margin of error", page.QuerySelector("thead th:last-child")!.TextContent);
        Assert.Contains("Margin of error ±3", page.QuerySelector("figcaption")!.TextContent);
    }

    [Fact]
    public void A_chart_draws_a_line_per_series_and_tables_every_moment()
    {
        var page = Parse(Body.Render("""
            ```chart
            title: Turnout
            unit: %
            Time | 2020 #888888 | 2026
            10:00 | 8.1 | 10.2
            12:00 | 19.5 | —
            15:00 | 35 | 38.7
            ```
            """, site: English));

        Assert.Equal(["Time", "2020", "2026"], page.QuerySelectorAll("thead th").Select(th => th.TextContent));
        Assert.Equal(["10:00", "12:00", "15:00"], page.QuerySelectorAll("tbody th").Select(th => th.TextContent));
        Assert.Equal("—", page.QuerySelectorAll("tbody tr")[1].QuerySelectorAll("td")[1].TextContent);
        var lines = page.QuerySelectorAll("path.data__line");
        Assert.Equal(["#888888", DataBlocksPalette.First], lines.Select(l => l.GetAttribute("stroke")));
        // The gap breaks the second line in two.
        Assert.Equal(2, lines[1].GetAttribute("d")!.Count(c => c == 'M'));
        Assert.Equal(["2020", "2026"], page.QuerySelectorAll(".data__legend li").Select(li => li.TextContent));
        Assert.Contains(page.QuerySelectorAll("svg text.data__value"), t => t.TextContent == "38.7%");
    }

    [Theory]
    [InlineData("```results\ntitle: Nothing yet\n```", "no figures")]
    [InlineData("```results\nParty A | abc\n```", "«abc» is not a number")]
    [InlineData("```poll\nParty A | 40 | 50\n```", "more than one figure")]
    [InlineData("```chart\n10:00 | 5\n```", "at least two moments")]
    [InlineData("```results\nParty A | -5\n```", "below zero")]
    [InlineData("```chart\nTime | A | B\n10:00 | 1 | 2\n12:00 | 3\n```", "the header names 2 series")]
    public void A_block_that_cannot_be_read_is_named_in_the_preview_and_shown_as_typed_to_readers(string markdown, string problem)
    {
        var preview = Parse(Body.Render(markdown, site: English, preview: true));
        Assert.Contains(problem, preview.QuerySelector(".data-notice")!.TextContent);
        Assert.Null(preview.QuerySelector("figure.data"));

        var published = Parse(Body.Render(markdown, site: English));
        Assert.Null(published.QuerySelector(".data-notice"));
        Assert.Null(published.QuerySelector("svg"));
        Assert.Equal(markdown.Split('\n')[1..^1], published.QuerySelector("pre code")!.TextContent.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Raw_html_in_a_body_gets_no_svg_through_the_sanitizer()
    {
        var page = Parse(Body.Render("<svg onload=\"alert(1)\"><script>alert(1)</script></svg>\n\n```results\nA | 1\n```", site: English));

        Assert.Single(page.QuerySelectorAll("svg"));
        Assert.Empty(page.QuerySelectorAll("script, [onload]"));
    }

    [Fact]
    public void A_long_party_name_wraps_above_its_bar()
    {
        var page = Parse(Body.Render("```results\nThe Very Long Name of a Social Democratic Alliance for Cities | 42\nB | 20\n```", site: English));

        var labels = page.QuerySelectorAll("text.data__label").Select(t => t.TextContent).ToList();
        Assert.True(labels.Count >= 3, string.Join(" / ", labels));
        Assert.All(labels, l => Assert.True(l.Length <= 30, l));
    }

    private static class DataBlocksPalette
    {
        public static string First => Broadsheet.Features.Articles.DataBlocks.DataFigure.Palette[0];
    }
}
