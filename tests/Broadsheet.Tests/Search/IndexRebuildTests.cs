using Broadsheet.Features.Search;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Search;

public sealed class IndexRebuildTests : IDisposable
{
    private static readonly TimeSpan RebuildTime = TimeSpan.FromSeconds(10);

    private BroadsheetApp app = new();

    public void Dispose() => app.Dispose();

    private string IndexFolder => Path.Combine(app.DataDirectory, "search-index");

    private async Task<int> PublishAndIndexAsync()
    {
        var article = await new TestPublication(app).ArticleAsync("Glacier retreats faster than expected");
        await SearchPage.RebuildAsync(app);
        Assert.Contains(article.Id, await SearchPage.FindAsync(app, "q=glaciers"));
        return article.Id;
    }

    private Task<bool> FoundAfterRestartAsync(int id) =>
        SearchPage.EventuallyAsync(async () => (await SearchPage.FindAsync(app, "q=glacier")).Contains(id), RebuildTime);

    [LuceneFact]
    public async Task A_deleted_index_folder_is_rebuilt_from_the_database_at_startup()
    {
        var id = await PublishAndIndexAsync();

        // Restart stops the app, then lets the test touch its data folder before the next one starts.
        app = app.Restart(_ => Directory.Delete(IndexFolder, recursive: true));

        Assert.True(await FoundAfterRestartAsync(id));
        Assert.True(Directory.Exists(IndexFolder));
    }

    [LuceneFact]
    public async Task A_corrupt_index_is_replaced_and_rebuilt_at_startup()
    {
        var id = await PublishAndIndexAsync();

        app = app.Restart(_ =>
        {
            foreach (var file in Directory.GetFiles(IndexFolder, "segments_*")) File.WriteAllText(file, "not a segments file");
        });

        Assert.True(await FoundAfterRestartAsync(id));
    }

    [LuceneFact]
    public async Task A_rebuild_over_a_working_index_drops_articles_no_longer_in_the_database()
    {
        var kept = await new TestPublication(app).ArticleAsync("Canal boats return");
        var gone = await new TestPublication(app).ArticleAsync("Canal locks close", slug: "canal-locks");
        await SearchPage.RebuildAsync(app);
        await app.WithDbAsync(db => db.Articles.Where(a => a.Id == gone.Id).ExecuteDeleteAsync());

        await SearchPage.RebuildAsync(app);

        Assert.Equal([kept.Id], await SearchPage.FindAsync(app, "q=canal"));
        Assert.False(app.Services.GetRequiredService<ArticleIndex>().NeedsRebuild);
    }
}
