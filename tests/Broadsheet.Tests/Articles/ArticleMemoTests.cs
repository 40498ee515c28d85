using Broadsheet.Infrastructure.Caching;
using Broadsheet.Tests.Comments;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Articles;

/// <summary>
/// With the page cache off, an article's page still reuses what it loaded (ArticleMemo); what a
/// reader sees must nevertheless change as soon as the article, its discussion or the listings do.
/// </summary>
public sealed class ArticleMemoTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public ArticleMemoTests()
    {
        app.Settings["Broadsheet:PageCache"] = "false";
        app.WithoutPreModeration();
        publication = new TestPublication(app);
    }

    public void Dispose() => app.Dispose();

    private Task EvictAsync(params string[] tags) => app.Services.GetRequiredService<CacheEviction>().EvictAsync(default, tags);

    private async Task<string> HeadlineAsync(string url) => (await app.GetPageAsync(url)).QuerySelector("h1")!.TextContent.Trim();

    [Fact]
    public async Task A_changed_article_shows_once_its_tag_is_evicted_and_not_before()
    {
        var article = await publication.ArticleAsync("Council approves the budget");
        var url = PageUrl.Of(app, article);
        Assert.Equal("Council approves the budget", await HeadlineAsync(url));

        // Written behind the newsroom's back: the memo still has the page as it was...
        await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Title, "Council rejects the budget")));
        Assert.Equal("Council approves the budget", await HeadlineAsync(url));

        // ...until the article's eviction, which every change in the newsroom sends.
        await EvictAsync(PageCache.ArticleTag(article.Id));
        Assert.Equal("Council rejects the budget", await HeadlineAsync(url));
    }

    [Fact]
    public async Task Another_articles_eviction_leaves_this_page_kept()
    {
        var article = await publication.ArticleAsync("Tram line opens");
        var other = await publication.ArticleAsync("Bridge closes for repairs");
        var url = PageUrl.Of(app, article);
        Assert.Equal("Tram line opens", await HeadlineAsync(url));

        await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Title, "Tram line delayed")));
        await EvictAsync(PageCache.ArticleTag(other.Id));
        Assert.Equal("Tram line opens", await HeadlineAsync(url));
    }

    [Fact]
    public async Task A_new_publication_reaches_the_related_articles()
    {
        var tag = await publication.TagAsync("Transport");
        var at = BroadsheetApp.DefaultNow.UtcDateTime;
        var article = await publication.ArticleAsync("Tram line opens", publishedAt: at.AddHours(-3), tags: [tag]);
        var url = PageUrl.Of(app, article);
        Assert.Null((await app.GetPageAsync(url)).QuerySelector(".related"));

        // TestPublication evicts the listings as a publication does.
        await publication.ArticleAsync("Second tram line planned", publishedAt: at.AddHours(-1), tags: [tag]);
        var related = (await app.GetPageAsync(url)).QuerySelectorAll(".related .teaser__title").Select(a => a.TextContent.Trim());
        Assert.Contains("Second tram line planned", related);
    }

    [Fact]
    public async Task An_unpublished_article_is_gone_at_once()
    {
        var article = await publication.ArticleAsync("Stadium passes inspection");
        var url = PageUrl.Of(app, article);
        await app.GetPageAsync(url);

        await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, Broadsheet.Features.Articles.ArticleStatus.Unpublished)));
        await EvictAsync(PageCache.ArticleTag(article.Id), PageCache.ListingsTag);
        using var response = await app.Reader().GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_comment_reads_the_thread_again_and_keeps_the_rest_of_the_page()
    {
        var article = await publication.ArticleAsync("Polling stations open");
        var url = PageUrl.Of(app, article);
        await app.GetPageAsync(url);
        await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Title, "Polling stations close")));

        var (_, reader) = await app.ReaderAsync("Anna");
        await reader.CommentAsync(article.Id, "Long queues in the centre");

        // The comment's eviction forgets the discussion only: the article as loaded stays kept, change and all unseen.
        var page = await app.GetPageAsync(url);
        Assert.Equal("Long queues in the centre", page.QuerySelector("#comments .comment__text")!.TextContent);
        Assert.Equal("Polling stations open", page.QuerySelector("h1")!.TextContent.Trim());
    }
}
