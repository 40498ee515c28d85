using System.Data.Common;
using Broadsheet.Features.Search;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Search;

/// <summary>
/// A reader's search does not wait for the site's words to be read (a minute at a million articles): past the wait
/// it gets the words as last read, none the very first time, and the reading goes on. Here the reading is held at
/// the database until the test lets it go.
/// </summary>
public sealed class SiteWordsTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;
    private readonly HeldReading held = new();

    public SiteWordsTests()
    {
        app.Replace = services => services.AddSingleton<IInterceptor>(held);
        publication = new TestPublication(app);
    }

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_search_gets_the_words_as_last_read_while_a_reading_goes_on()
    {
        await publication.ArticleAsync("Harbour reopens", body: "The harbour reopened after the storm.");
        using var words = new SiteWords(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Clock, TimeSpan.FromMilliseconds(200));

        held.Hold();
        // Bounded, so that a search that waits for the held reading fails the test rather than hanging it.
        Assert.Equal(0, (await words.GetAsync(default).WaitAsync(TimeSpan.FromSeconds(30))).Count);
        held.Release();
        Assert.True(await Eventually(async () => (await words.GetAsync(default)).Contains("harbour")));

        await publication.ArticleAsync("Lighthouse repaired", body: "The lighthouse was repaired.");
        await words.ArticleChangedAsync(0, default);
        held.Hold();
        var meanwhile = await words.GetAsync(default).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(meanwhile.Contains("harbour"));
        Assert.False(meanwhile.Contains("lighthouse"));
        held.Release();
        Assert.True(await Eventually(async () => (await words.GetAsync(default)).Contains("lighthouse")));
    }

    private static async Task<bool> Eventually(Func<Task<bool>> check)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await check()) return true;
            await Task.Delay(50);
        }
        return false;
    }

    /// <summary>Holds the words' reading (the query that reads article bodies) at the database while held.</summary>
    private sealed class HeldReading : DbCommandInterceptor
    {
        private volatile TaskCompletionSource gate = Open();

        private static TaskCompletionSource Open()
        {
            var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            open.SetResult();
            return open;
        }

        public void Hold() => gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => gate.TrySetResult();

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("BodyHtml", StringComparison.Ordinal)) await gate.Task.WaitAsync(cancellationToken);
            return result;
        }
    }
}
