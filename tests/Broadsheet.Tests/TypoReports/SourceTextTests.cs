using Broadsheet.Features.TypoReports;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.TypoReports;

public sealed class SourceTextTests
{
    /// <summary>If our reading of the Markdown drifted from the page, fixes would find no context and editors would be sent to look by hand.</summary>
    [Theory]
    [InlineData("en")]
    [InlineData("ru")]
    public async Task Reads_every_demo_article_from_its_markdown_exactly_as_readers_see_its_page(string language)
    {
        using var app = new BroadsheetApp();
        app.Settings["Broadsheet:SeedDemo"] = "true";
        app.Settings["Broadsheet:DemoLanguage"] = language;
        app.Settings["Broadsheet:DemoArticles"] = "60";

        var articles = await app.WithDbAsync(db => db.Articles.AsNoTracking().Select(a => new { a.Body, a.BodyHtml }).ToListAsync());

        Assert.NotEmpty(articles);
        Assert.All(articles, a => Assert.Equal(ReaderText.BodyText(a.BodyHtml), SourceText.FromMarkdown(a.Body).Text));
    }
}
