using AngleSharp.Html.Parser;
using Broadsheet.Features.Search;
using Broadsheet.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Search;

/// <summary>Which engine answers (Lucene on SQLite, PostgreSQL full-text search on PostgreSQL) and what both must never do.</summary>
public sealed class SearchEngineTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public SearchEngineTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    [Fact]
    public void Search_runs_on_the_engine_of_the_database_in_use()
    {
        var search = app.Services.GetRequiredService<IArticleSearch>();

        if (TestDatabase.OnPostgres)
        {
            Assert.IsType<PostgresArticleSearch>(search);
            Assert.Null(app.Services.GetService<SearchIndexer>());
            Assert.Null(app.Services.GetService<ArticleIndex>());
        }
        else
        {
            Assert.IsType<LuceneArticleSearch>(search);
        }
    }

    [PostgresFact]
    public async Task On_postgres_an_article_is_found_as_soon_as_it_is_saved_with_no_announcement()
    {
        var article = await publication.ArticleAsync("Funicular railway reopens");

        var found = await SearchPage.FindAsync(app, "q=funicular");

        Assert.Equal([article.Id], found);
    }

    [Fact]
    public async Task Hostile_article_text_comes_out_escaped_with_only_marks_as_markup()
    {
        // The body's Markdown code span keeps the tags as text. The private-use characters were once the marks
        // PostgreSQL's ts_headline was asked to use: an article must not be able to forge a mark with them or anything else.
        var article = await publication.ArticleAsync("<img src=x onerror=alert(1)> Budget vote",
            lead: "Budget & <b>bold</b> claims",
            body: "The budget `<script>alert('budget')</script>` was \uE000forged\uE001 & passed; a < b && c > d.");
        await SearchPage.AnnounceAsync(app, article.Id);
        await SearchPage.RebuildAsync(app);
        var search = app.Services.GetRequiredService<IArticleSearch>();

        var hit = Assert.Single((await search.SearchAsync(new SearchQuery { Text = "budget" })).Hits);

        var title = Html(hit.TitleHtml);
        var snippet = Html(hit.SnippetHtml);
        Assert.All(title.QuerySelectorAll("*"), e => Assert.Equal("MARK", e.TagName));
        Assert.All(snippet.QuerySelectorAll("*"), e => Assert.Equal("MARK", e.TagName));
        Assert.Equal("<img src=x onerror=alert(1)> Budget vote", title.TextContent);
        Assert.Equal(["Budget"], title.QuerySelectorAll("mark").Select(m => m.TextContent));
        Assert.Contains("<script>alert('budget')</script>", snippet.TextContent);
        Assert.Contains("& passed", snippet.TextContent);
        Assert.DoesNotContain(snippet.QuerySelectorAll("mark"), m => m.TextContent.Contains("forged"));
        Assert.DoesNotContain("<script", hit.SnippetHtml);
        Assert.DoesNotContain("<img", hit.TitleHtml);
    }

    private static AngleSharp.Dom.IElement Html(string html)
    {
        var holder = new HtmlParser().ParseDocument("").CreateElement("div");
        holder.InnerHtml = html;
        return holder;
    }
}
