using Broadsheet.Features.Articles;
using Broadsheet.Features.Search;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Search;

public sealed class IndexFollowsContentTests : IDisposable
{
    private static readonly TimeSpan WithinASecond = TimeSpan.FromSeconds(1);

    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public IndexFollowsContentTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    private Task<bool> FoundAsync(string query, int id) =>
        SearchPage.FindAsync(app, query).ContinueWith(t => t.Result.Contains(id), TaskScheduler.Default);

    private Task<int> SetStatusAsync(Article article, ArticleStatus status) =>
        app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, status)));

    [Fact]
    public async Task Publishing_a_draft_makes_it_findable_within_a_second()
    {
        var article = await publication.ArticleAsync("Harbour bridge reopens after repairs", status: ArticleStatus.Draft);
        await SearchPage.AnnounceAsync(app, article.Id);
        await Task.Delay(300);
        Assert.False(await FoundAsync("q=harbour", article.Id));

        await SetStatusAsync(article, ArticleStatus.Published);
        await SearchPage.AnnounceAsync(app, article.Id);

        Assert.True(await SearchPage.EventuallyAsync(() => FoundAsync("q=harbour", article.Id), WithinASecond));
    }

    [Fact]
    public async Task Unpublishing_removes_it_from_results_within_a_second()
    {
        var article = await publication.ArticleAsync("Lighthouse keeper retires");
        await SearchPage.AnnounceAsync(app, article.Id);
        Assert.True(await SearchPage.EventuallyAsync(() => FoundAsync("q=lighthouse", article.Id), WithinASecond));

        await SetStatusAsync(article, ArticleStatus.Unpublished);
        await SearchPage.AnnounceAsync(app, article.Id);

        Assert.True(await SearchPage.EventuallyAsync(async () => !await FoundAsync("q=lighthouse", article.Id), WithinASecond));
    }

    [Fact]
    public async Task An_edit_is_found_by_its_new_words_and_not_by_the_old()
    {
        var article = await publication.ArticleAsync("Ferry timetable changes");
        await SearchPage.AnnounceAsync(app, article.Id);
        Assert.True(await SearchPage.EventuallyAsync(() => FoundAsync("q=ferry", article.Id), WithinASecond));

        await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, "Паром меняет расписание")));
        await SearchPage.AnnounceAsync(app, article.Id);

        Assert.True(await SearchPage.EventuallyAsync(() => FoundAsync("q=расписания", article.Id), WithinASecond));
        Assert.False(await FoundAsync("q=ferry", article.Id));
    }

    [Fact]
    public async Task A_deleted_article_leaves_the_index()
    {
        var article = await publication.ArticleAsync("Observatory opens to visitors");
        await SearchPage.AnnounceAsync(app, article.Id);
        Assert.True(await SearchPage.EventuallyAsync(() => FoundAsync("q=observatory", article.Id), WithinASecond));

        await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).ExecuteDeleteAsync());
        await SearchPage.AnnounceAsync(app, article.Id);

        Assert.True(await SearchPage.EventuallyAsync(async () => !await FoundAsync("q=observatory", article.Id), WithinASecond));
    }

    [Fact]
    public async Task A_scheduled_article_appears_when_its_time_comes_without_reindexing()
    {
        var at = BroadsheetApp.DefaultNow.UtcDateTime.AddHours(3);
        var article = await publication.ArticleAsync("Embargoed budget figures", publishedAt: at);
        await SearchPage.RebuildAsync(app);
        Assert.False(await FoundAsync("q=embargoed", article.Id));

        app.Clock.Set(BroadsheetApp.DefaultNow.AddHours(4));

        Assert.True(await FoundAsync("q=embargoed", article.Id));
    }

    [Fact]
    public async Task Staff_search_finds_drafts_the_public_page_does_not()
    {
        var draft = await publication.ArticleAsync("Unfinished piece about tramways", status: ArticleStatus.Draft);
        await SearchPage.RebuildAsync(app);
        var search = app.Services.GetRequiredService<IArticleSearch>();

        var staff = await search.SearchAsync(new SearchQuery { Text = "tramway", IncludeUnpublished = true });
        var readers = await search.SearchAsync(new SearchQuery { Text = "tramway" });

        Assert.Equal(ArticleStatus.Draft, Assert.Single(staff.Hits, h => h.ArticleId == draft.Id).Status);
        Assert.Empty(readers.Hits);
    }
}
