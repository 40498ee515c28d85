using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Articles.DataBlocks;

/// <summary>The public article page carries a data block as drawn, stored with the article (SQLite or PostgreSQL).</summary>
public sealed class DataBlockPageTests : IDisposable
{
    private readonly BroadsheetApp app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task The_article_page_shows_the_results_table_and_chart()
    {
        var article = await new TestPublication(app).ArticleAsync("Election night", body: """
            The count is over.

            ```results
            title: Council election
            source: City election commission
            unit: %
            Civic Alliance | 42.5
            Labour | 31.2
            ```
            """);

        using var response = await app.Reader().GetAsync(PageUrl.Of(app, article));
        var page = await response.ParseAsync();

        var figure = page.QuerySelector(".story__body figure.data")!;
        Assert.Equal("Council election", figure.QuerySelector("table caption")!.TextContent);
        Assert.Equal(["42.5%", "31.2%"], figure.QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Equal(2, figure.QuerySelectorAll("svg rect.data__bar").Length);
        Assert.Contains("script-src 'self';", response.Headers.GetValues("Content-Security-Policy").Single());
    }
}
