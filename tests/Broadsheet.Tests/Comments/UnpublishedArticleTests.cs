using System.Net;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Comments;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Comments;

/// <summary>The discussion of an article readers cannot see is as missing as the article, on the page and in the API.</summary>
public sealed class UnpublishedArticleTests : IDisposable
{
    private readonly BroadsheetApp app = new();

    public UnpublishedArticleTests() => app.WithoutPreModeration();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task The_comments_of_an_article_that_does_not_exist_are_not_found()
    {
        var reader = app.Reader();

        using var json = await reader.GetAsync("/api/articles/4242/comments");
        using var html = await reader.GetAsync("/articles/4242/comments");

        Assert.Equal(HttpStatusCode.NotFound, json.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, html.StatusCode);
    }

    [Theory]
    [InlineData(ArticleStatus.Unpublished)]
    [InlineData(ArticleStatus.Draft)]
    public async Task The_comments_of_an_article_taken_off_the_site_are_not_listed(ArticleStatus status)
    {
        var article = await app.OpenArticleAsync();
        var (_, commenter) = await app.ReaderAsync("Dmitri");
        Assert.Equal(HttpStatusCode.Created, (await commenter.CommentAsync(article.Id, "Written while it was up")).Status);
        var reader = app.Reader();
        using (var before = await reader.GetAsync($"/api/articles/{article.Id}/comments"))
            Assert.Contains("Written while it was up", await before.Content.ReadAsStringAsync());

        await app.WithDbAsync(async db =>
        {
            (await db.Articles.FindAsync(article.Id))!.Status = status;
            await db.SaveChangesAsync();
        });
        using var json = await reader.GetAsync($"/api/articles/{article.Id}/comments");
        using var html = await reader.GetAsync($"/articles/{article.Id}/comments");

        Assert.Equal(HttpStatusCode.NotFound, json.StatusCode);
        Assert.DoesNotContain("Written while it was up", await json.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, html.StatusCode);
    }

    [Fact]
    public async Task The_comments_of_an_article_scheduled_for_later_are_not_found_until_it_goes_out()
    {
        var article = await new TestPublication(app).ArticleAsync("Tomorrow's story", publishedAt: app.Clock.GetUtcNow().UtcDateTime.AddDays(1));
        var reader = app.Reader();

        using var early = await reader.GetAsync($"/api/articles/{article.Id}/comments");
        app.Clock.Advance(TimeSpan.FromDays(2));
        using var later = await reader.GetAsync($"/api/articles/{article.Id}/comments");

        Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Contains("\"count\":0", await later.Content.ReadAsStringAsync());
    }
}
