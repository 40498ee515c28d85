using System.Net;
using AngleSharp.Html.Dom;
using Broadsheet.Features.Articles;
using Broadsheet.Infrastructure.Caching;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Comments;

/// <summary>
/// On a big night comments come in storms on one article, and the article page is what everyone reads: a
/// comment must not make every reader wait behind a fresh render. The first comment after a quiet second shows
/// at once; those that follow within the second are shown together at its end; the author sees theirs at once.
/// (The clock stands still in these tests unless moved, so "within the second" is every post until it moves.)
/// </summary>
public sealed class HotDiscussionTests : IDisposable
{
    private readonly BroadsheetApp app = new();

    public HotDiscussionTests() => app.WithoutPreModeration();

    public void Dispose() => app.Dispose();

    /// <summary>An anonymous reader's view of the article page, and whether the page cache answered it (it sends Age).</summary>
    private async Task<(List<string> Comments, bool FromCache)> ReadAsAnyoneAsync(Article article)
    {
        using var response = await app.Reader().GetAsync(PageUrl.Of(app, article));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (Shown(await response.ParseAsync()), response.Headers.Age is not null);
    }

    private static List<string> Shown(IHtmlDocument page) => [.. page.QuerySelectorAll("#comments .comment__text").Select(p => p.TextContent)];

    [Fact]
    public async Task Comments_within_a_second_render_the_cached_page_once_while_each_author_sees_their_own_at_once()
    {
        var article = await app.OpenArticleAsync();
        Assert.Empty((await ReadAsAnyoneAsync(article)).Comments);
        var (_, anna) = await app.ReaderAsync("Anna");
        var (_, boris) = await app.ReaderAsync("Boris");

        // The first comment after a quiet second: the next reader gets a page rendered with it.
        Assert.Equal(HttpStatusCode.Created, (await anna.CommentAsync(article.Id, "Turnout is high in the north")).Status);
        var afterFirst = await ReadAsAnyoneAsync(article);
        Assert.Equal(["Turnout is high in the north"], afterFirst.Comments);
        Assert.False(afterFirst.FromCache);

        // Two more in the same second, one through the page without script: other readers keep the cached page...
        Assert.Equal(HttpStatusCode.Created, (await anna.CommentAsync(article.Id, "And in the east")).Status);
        using var posted = await boris.SubmitAsync($"/articles/{article.Id}/comments", null, ("Text", "Queues at every school in my street"));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var meanwhile = await ReadAsAnyoneAsync(article);
        Assert.True(meanwhile.FromCache);
        Assert.Equal(["Turnout is high in the north"], meanwhile.Comments);

        // ...while each author, signed in, finds their comment on the article page, with or without script.
        Assert.Contains("Queues at every school in my street", Shown(await boris.GetDocumentAsync(PageUrl.Of(app, article))));
        Assert.Contains("And in the east", Shown(await anna.GetDocumentAsync(PageUrl.Of(app, article))));

        // When the second is over, both reach every reader together.
        app.Clock.Advance(CacheEviction.CoalesceWindow);
        var shown = await ShownOnceEvictedAsync(article);
        Assert.Equal(["Turnout is high in the north", "And in the east", "Queues at every school in my street"], shown);
    }

    [Fact]
    public async Task A_comment_after_a_quiet_second_shows_at_once_again()
    {
        var article = await app.OpenArticleAsync();
        var (_, anna) = await app.ReaderAsync("Anna");
        await anna.CommentAsync(article.Id, "Polls have closed");
        Assert.Equal(["Polls have closed"], (await ReadAsAnyoneAsync(article)).Comments);

        app.Clock.Advance(CacheEviction.CoalesceWindow);
        await anna.CommentAsync(article.Id, "The first results are in");

        Assert.Equal(["Polls have closed", "The first results are in"], (await ReadAsAnyoneAsync(article)).Comments);
    }

    [Fact]
    public async Task A_storm_on_one_article_does_not_hold_back_another()
    {
        var hot = await app.OpenArticleAsync("Results night");
        var quiet = await app.OpenArticleAsync("Weather for the weekend");
        var (_, anna) = await app.ReaderAsync("Anna");
        var first = await anna.CommentAsync(hot.Id, "Closer than expected");
        Assert.True(first.Status == HttpStatusCode.Created, first.Message);
        await ReadAsAnyoneAsync(hot);
        await ReadAsAnyoneAsync(quiet);

        Assert.Equal(HttpStatusCode.Created, (await anna.CommentAsync(hot.Id, "Recount likely")).Status);
        Assert.Equal(HttpStatusCode.Created, (await anna.CommentAsync(quiet.Id, "Rain again")).Status);

        Assert.Equal(["Closer than expected"], (await ReadAsAnyoneAsync(hot)).Comments);
        Assert.Equal(["Rain again"], (await ReadAsAnyoneAsync(quiet)).Comments);
    }

    /// <summary>The folded eviction goes out on a short real-time tick once the clock says it is due: a moment, bounded here.</summary>
    private async Task<List<string>> ShownOnceEvictedAsync(Article article)
    {
        for (var tries = 0; ; tries++)
        {
            var (comments, fromCache) = await ReadAsAnyoneAsync(article);
            if (!fromCache || tries == 100) return comments;
            await Task.Delay(50);
        }
    }
}
