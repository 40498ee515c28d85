using System.Diagnostics;
using Broadsheet.Features.Articles;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Broadsheet.Tests.Data;

/// <summary>
/// A teaser list's query has its Take in a subquery; SQLite prepares such a statement again at each run when the
/// limit is a bound parameter, so on SQLite the numbers are written into the SQL (Infrastructure/Data/SqliteLimitsInlined).
/// </summary>
public sealed class SqliteLimitsInlinedTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public SqliteLimitsInlinedTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_page_of_teasers_is_the_right_page_and_reaches_SQLite_with_its_numbers_written()
    {
        var start = app.Clock.GetUtcNow().UtcDateTime.AddDays(-1);
        for (var i = 0; i < 6; i++) await publication.ArticleAsync($"Story {i}", publishedAt: start.AddMinutes(i));
        var listener = new Listener();
        using var listening = DiagnosticListener.AllListeners.Subscribe(listener);

        var page = await app.WithDbAsync(async db =>
        {
            listener.Watched = db;
            var teasers = await db.Articles.AsNoTracking().VisibleAt(app.Clock.GetUtcNow().UtcDateTime).Newest().Skip(1).Take(2).ToTeasers().ToListAsync();
            // The context goes back to the pool after this, where a job may take it for its own commands.
            listener.Watched = null;
            return teasers;
        });

        Assert.Equal(["Story 4", "Story 3"], page.Select(t => t.Title));
        var query = Assert.Single(listener.Sent);
        if (TestDatabase.OnPostgres) return;
        Assert.Contains("LIMIT 2 OFFSET 1", query);
        Assert.DoesNotContain("LIMIT @", query);
        Assert.DoesNotContain("OFFSET @", query);
    }

    /// <summary>
    /// The text each command of one context had when it ran: after the interceptors, unlike EF's log, which shows it as
    /// generated. Other tests run beside this one, so only the watched context's commands count.
    /// </summary>
    private sealed class Listener : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        public DbContext? Watched { get; set; }
        public List<string> Sent { get; } = [];

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name) listener.Subscribe(this);
        }

        public void OnNext(KeyValuePair<string, object?> e)
        {
            if (e.Key == RelationalEventId.CommandExecuted.Name && e.Value is CommandExecutedEventData data && data.Context == Watched)
                lock (Sent) Sent.Add(data.Command.CommandText);
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }
}
