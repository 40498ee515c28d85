using Broadsheet.Infrastructure.Search;
using Broadsheet.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Search;

/// <summary>Starts the app over a data folder the test owns, so a second start sees what the first left behind.</summary>
internal sealed class AppOverFolder(string folder) : BroadsheetApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Broadsheet:DataDirectory", folder);
    }
}

public sealed class IndexRebuildTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "broadsheet-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    private async Task<int> PublishAndIndexAsync()
    {
        using var first = new AppOverFolder(folder);
        var article = await new TestPublication(first).ArticleAsync("Glacier retreats faster than expected");
        await SearchPage.RebuildAsync(first);
        Assert.Contains(article.Id, await SearchPage.FindAsync(first, "q=glaciers"));
        return article.Id;
    }

    [Fact]
    public async Task A_deleted_index_folder_is_rebuilt_from_the_database_at_startup()
    {
        var id = await PublishAndIndexAsync();
        Directory.Delete(Path.Combine(folder, "search-index"), recursive: true);

        using var second = new AppOverFolder(folder);

        Assert.True(await SearchPage.EventuallyAsync(async () => (await SearchPage.FindAsync(second, "q=glacier")).Contains(id), TimeSpan.FromSeconds(10)));
        Assert.True(Directory.Exists(Path.Combine(folder, "search-index")));
    }

    [Fact]
    public async Task A_corrupt_index_is_replaced_and_rebuilt_at_startup()
    {
        var id = await PublishAndIndexAsync();
        var index = Path.Combine(folder, "search-index");
        foreach (var file in Directory.GetFiles(index, "segments_*")) await File.WriteAllTextAsync(file, "not a segments file");

        using var second = new AppOverFolder(folder);

        Assert.True(await SearchPage.EventuallyAsync(async () => (await SearchPage.FindAsync(second, "q=glacier")).Contains(id), TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_rebuild_over_a_working_index_drops_articles_no_longer_in_the_database()
    {
        using var app = new AppOverFolder(folder);
        var kept = await new TestPublication(app).ArticleAsync("Canal boats return");
        var gone = await new TestPublication(app).ArticleAsync("Canal locks close", slug: "canal-locks");
        await SearchPage.RebuildAsync(app);
        await app.WithDbAsync(db => db.Articles.Where(a => a.Id == gone.Id).ExecuteDeleteAsync());

        await SearchPage.RebuildAsync(app);

        Assert.Equal([kept.Id], await SearchPage.FindAsync(app, "q=canal"));
        Assert.False(app.Services.GetRequiredService<ArticleIndex>().NeedsRebuild);
    }
}
