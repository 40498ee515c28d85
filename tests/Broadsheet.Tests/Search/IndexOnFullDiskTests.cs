using Broadsheet.Features.Accounts;
using Broadsheet.Features.Search;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Search;

/// <summary>
/// The disk under the search index fills up while the newsroom goes on saving (the database has room):
/// the index falls behind, says so, and catches up by itself once it can write again — no reindex by hand.
/// </summary>
public sealed class IndexOnFullDiskTests : IDisposable
{
    private static readonly TimeSpan Moment = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan CatchUp = TimeSpan.FromSeconds(15);

    private readonly FillingDisk disk = new();
    private BroadsheetApp app;

    public IndexOnFullDiskTests()
    {
        app = new BroadsheetApp();
        app.Replace = disk.Install;
    }

    public void Dispose() => app.Dispose();

    private async Task<bool> FoundAsync(string query, int id) => (await SearchPage.FindAsync(app, query)).Contains(id);

    private Task<bool> EventuallyFoundAsync(string query, int id, TimeSpan within) => SearchPage.EventuallyAsync(() => FoundAsync(query, id), within);

    private SearchIndexer Indexer => app.Services.GetRequiredService<SearchIndexer>();

    /// <summary>Publishes through the newsroom, waits until search finds it, fills the disk and saves a new headline: 302 from the editor.</summary>
    private async Task<int> RetitledOnAFullDiskAsync()
    {
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        using var created = await editor.SubmitAsync("/newsroom/articles/new", "Publish", ("Input.Title", "Tram depot expands"), ("Input.Body", "Work starts in the spring."));
        var path = created.Headers.Location!.OriginalString;
        var id = await app.WithDbAsync(db => db.Articles.Where(a => a.Title == "Tram depot expands").Select(a => a.Id).SingleAsync());
        Assert.True(await EventuallyFoundAsync("q=tram", id, Moment));

        disk.Full = true;
        using var saved = await editor.SubmitAsync(path, "Save", ("Input.Title", "Cable car opens over the river"));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(await SearchPage.EventuallyAsync(() => Task.FromResult(Indexer.IsStale), Moment), "the index did not notice it fell behind");
        Assert.Contains(app.Log.Lines, line => line.Contains("Search index is behind the database", StringComparison.Ordinal));
        return id;
    }

    [LuceneFact]
    public async Task An_article_saved_while_the_index_disk_is_full_is_found_once_the_disk_has_room()
    {
        var id = await RetitledOnAFullDiskAsync();
        Assert.False(await FoundAsync("q=cable", id));

        disk.Full = false;

        Assert.True(await EventuallyFoundAsync("q=cable", id, CatchUp), "the new headline was never found");
        Assert.False(await FoundAsync("q=tram", id));
        Assert.False(Indexer.IsStale);
    }

    [LuceneFact]
    public async Task An_article_saved_while_the_index_disk_is_full_is_found_after_a_restart_during_the_failure()
    {
        var id = await RetitledOnAFullDiskAsync();

        // The new process knows nothing of what the old one missed; the disk is still full when it starts.
        app = app.Restart();
        Assert.True(await FoundAsync("q=tram", id), "searches stopped answering from the index they had");
        Assert.True(await SearchPage.EventuallyAsync(() => Task.FromResult(Indexer.IsStale), Moment), "the restarted index did not see it is behind");

        disk.Full = false;

        Assert.True(await EventuallyFoundAsync("q=cable", id, CatchUp), "the new headline was never found after the restart");
        Assert.False(await FoundAsync("q=tram", id));
    }

    [LuceneFact]
    public async Task A_change_the_index_was_not_told_of_is_caught_up_at_the_next_start()
    {
        var article = await new TestPublication(app).ArticleAsync("Ferry fares frozen");
        await SearchPage.RebuildAsync(app);
        Assert.True(await FoundAsync("q=ferry", article.Id));

        // As a node that was down when another announced the change: the database changed, this index was not told.
        await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, "Bus fares frozen").SetProperty(a => a.Version, Guid.NewGuid())));
        app = app.Restart();

        Assert.True(await EventuallyFoundAsync("q=bus", article.Id, Moment));
        Assert.False(await FoundAsync("q=ferry", article.Id));
    }

    [LuceneFact]
    public async Task An_article_deleted_while_the_index_was_not_told_leaves_it_at_the_next_start_and_its_neighbours_stay()
    {
        var gone = await new TestPublication(app).ArticleAsync("Ferry timetable withdrawn");
        var kept = await new TestPublication(app).ArticleAsync("Ferry timetable for the winter");
        await SearchPage.RebuildAsync(app);
        Assert.True(await FoundAsync("q=ferry", gone.Id));

        // Removed by another node (or a command) while this one was down.
        await app.WithDbAsync(db => db.Articles.Where(a => a.Id == gone.Id).ExecuteDeleteAsync());
        app = app.Restart();

        Assert.True(await SearchPage.EventuallyAsync(async () => !await FoundAsync("q=ferry", gone.Id), Moment), "the deleted article is still found");
        Assert.True(await FoundAsync("q=ferry", kept.Id));
    }
}
