using System.Data.Common;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Search;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Search;

/// <summary>
/// A reader's search does not wait for the site's words to be read (a minute at a million articles): past the wait
/// it gets the words as last read, none the very first time, and the reading goes on. Once read, the words follow
/// each changed article without reading the whole archive again when they can, and space the whole readings of a
/// slow archive when they cannot. Here the reading can be held at the database until the test lets it go, and the
/// whole readings are counted there.
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

    [Fact]
    public async Task Articles_published_since_the_whole_reading_are_followed_without_reading_the_archive_again()
    {
        await publication.ArticleAsync("Harbour reopens", body: "The harbour reopened after the storm.");
        using var words = new SiteWords(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Clock);
        Assert.True((await words.GetAsync(default)).Contains("harbour"));
        var wholeReadings = held.WholeBatches;

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var lighthouse = await publication.ArticleAsync("Lighthouse repaired", publishedAt: app.Clock.GetUtcNow().UtcDateTime,
            body: "The lighthouse keeper repaired the lamp.");
        // A draft as the newsroom keeps one: never published, however often saved.
        var draft = await publication.ArticleAsync("Quarantine draft", status: ArticleStatus.Draft, body: "Embargoed wording.");
        await ChangeAsync(draft.Id, a => a.PublishedAt = null);
        await words.ArticleChangedAsync(lighthouse.Id, default);
        await words.ArticleChangedAsync(draft.Id, default);
        var now = await words.GetAsync(default);
        Assert.True(now.Contains("lighthouse") && now.Contains("keeper") && now.Contains("harbour"));
        Assert.False(now.Contains("embargoed"));

        // The same article edited: its earlier words are taken back exactly.
        await EditAsync(lighthouse.Id, "The lamp was replaced by volunteers.");
        await words.ArticleChangedAsync(lighthouse.Id, default);
        now = await words.GetAsync(default);
        Assert.True(now.Contains("volunteers") && now.Contains("lighthouse"));
        Assert.False(now.Contains("keeper"));

        // And taken off the site: none of its words stay, the others' do.
        await ChangeAsync(lighthouse.Id, a => a.Status = ArticleStatus.Unpublished);
        await words.ArticleChangedAsync(lighthouse.Id, default);
        now = await words.GetAsync(default);
        Assert.False(now.Contains("volunteers") || now.Contains("lighthouse"));
        Assert.True(now.Contains("harbour") && now.Contains("storm"));

        Assert.Equal(wholeReadings, held.WholeBatches);
    }

    [Fact]
    public async Task Followed_words_are_what_a_whole_reading_finds_with_their_commonest_spelling_and_stems()
    {
        await publication.ArticleAsync("Ёлка на площади", body: "Ёлка стоит. Елка высокая. Выборы прошли.");
        using var words = new SiteWords(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Clock);
        Assert.Equal(("ёлка", 3), Spelling(await words.GetAsync(default), "елка"));
        var wholeReadings = held.WholeBatches;

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var square = await publication.ArticleAsync("Праздник", publishedAt: app.Clock.GetUtcNow().UtcDateTime,
            body: "Ёлка, ёлка, ёлка! На выборах голосовали.");
        var steamer = await publication.ArticleAsync("Пароход", publishedAt: app.Clock.GetUtcNow().UtcDateTime,
            body: "Пароходы пришли, пароход ушёл.");
        await words.ArticleChangedAsync(square.Id, default);
        await words.ArticleChangedAsync(steamer.Id, default);
        var now = await words.GetAsync(default);
        Assert.Equal(("ёлка", 6), Spelling(now, "елка"));
        Assert.True(now.Contains("пароход") && now.ContainsStem(Stems.Of("пароходы")));

        // The square's story rewritten: the site now mostly writes «елка»; the steamer's taken down, stem and all.
        await EditAsync(square.Id, "Елка и елка без игрушек.");
        await ChangeAsync(steamer.Id, a => a.Status = ArticleStatus.Unpublished);
        await words.ArticleChangedAsync(square.Id, default);
        await words.ArticleChangedAsync(steamer.Id, default);
        now = await words.GetAsync(default);
        Assert.Equal(("елка", 5), Spelling(now, "елка"));
        Assert.False(now.Contains("пароход") || now.ContainsStem(Stems.Of("пароходы")) || now.Contains("ушел"));
        Assert.Equal(wholeReadings, held.WholeBatches);

        using var fresh = new SiteWords(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Clock);
        Assert.Equal(Everything(await fresh.GetAsync(default)), Everything(now));
    }

    private static (string Form, int Count) Spelling(SiteWords.Vocabulary words, string key) =>
        words.OfLength(key.Length).Where(e => e.Key == key).Select(e => (e.Form, e.Count)).Single();

    /// <summary>Every word and stem with its spelling and count, in one order, to compare two vocabularies whole.</summary>
    private static List<string> Everything(SiteWords.Vocabulary words) =>
    [
        .. Enumerable.Range(1, 60).SelectMany(n => words.OfLength(n)).Select(e => $"{e.Key} {e.Form} {e.Count}")
            .Concat(Enumerable.Range(1, 60).SelectMany(n => words.StemsOfLength(n)).Select(e => $"stem {e.Key} {e.Count}"))
            .Order(StringComparer.Ordinal),
    ];

    [Fact]
    public async Task An_article_the_whole_reading_counted_is_read_again_at_once_on_a_quick_archive()
    {
        var harbour = await publication.ArticleAsync("Harbour reopens", body: "The harbour reopened after the storm.");
        using var words = new SiteWords(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Clock);
        Assert.True((await words.GetAsync(default)).Contains("storm"));

        await EditAsync(harbour.Id, "The harbour was dredged.");
        await words.ArticleChangedAsync(harbour.Id, default);
        var now = await words.GetAsync(default);
        Assert.True(now.Contains("dredged"));
        Assert.False(now.Contains("storm"));
    }

    [Fact]
    public async Task On_a_slow_archive_a_change_the_words_cannot_follow_waits_for_a_spaced_whole_reading()
    {
        var harbour = await publication.ArticleAsync("Harbour reopens", body: "The harbour reopened after the storm.");
        // Every whole reading counts as slow, and the first one is held long enough to space the next a few seconds off.
        using var words = new SiteWords(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Clock,
            longestWait: TimeSpan.FromSeconds(30), quickReading: TimeSpan.Zero);
        held.Hold();
        var first = words.GetAsync(default);
        await Task.Delay(400);
        held.Release();
        Assert.True((await first.WaitAsync(TimeSpan.FromSeconds(30))).Contains("storm"));
        var wholeReadings = held.WholeBatches;

        await EditAsync(harbour.Id, "The harbour was dredged.");
        await words.ArticleChangedAsync(harbour.Id, default);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var ferry = await publication.ArticleAsync("Ferry resumes", publishedAt: app.Clock.GetUtcNow().UtcDateTime, body: "The ferry sails again.");
        await words.ArticleChangedAsync(ferry.Id, default);
        var meanwhile = await words.GetAsync(default);
        Assert.True(meanwhile.Contains("ferry"));
        Assert.True(meanwhile.Contains("storm"));
        Assert.False(meanwhile.Contains("dredged"));
        Assert.Equal(wholeReadings, held.WholeBatches);

        Assert.True(await Eventually(async () => (await words.GetAsync(default)).Contains("dredged"), TimeSpan.FromSeconds(60)));
        var after = await words.GetAsync(default);
        Assert.False(after.Contains("storm"));
        Assert.True(after.Contains("ferry"));
    }

    private Task EditAsync(int articleId, string body) => ChangeAsync(articleId, article =>
    {
        article.Body = body;
        article.BodyHtml = app.Services.GetRequiredService<ArticleBody>().Render(body);
    });

    private Task ChangeAsync(int articleId, Action<Article> change) => app.WithDbAsync(async db =>
    {
        change((await db.Articles.FindAsync(articleId))!);
        await db.SaveChangesAsync();
    });

    private static async Task<bool> Eventually(Func<Task<bool>> check, TimeSpan? within = null)
    {
        var until = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(5));
        while (DateTime.UtcNow < until)
        {
            if (await check()) return true;
            await Task.Delay(50);
        }
        return await check();
    }

    /// <summary>
    /// Holds the words' reading (the queries that read article bodies) at the database while held, and counts the
    /// batches of the whole readings (the queries that walk the archive in order; the app's own search index reads too).
    /// </summary>
    private sealed class HeldReading : DbCommandInterceptor
    {
        private volatile TaskCompletionSource gate = Open();
        private int wholeBatches;

        public int WholeBatches => Volatile.Read(ref wholeBatches);

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
            if (!command.CommandText.Contains("BodyHtml", StringComparison.Ordinal)) return result;
            if (command.CommandText.Contains(SiteWords.WholeReadingTag, StringComparison.Ordinal)) Interlocked.Increment(ref wholeBatches);
            await gate.Task.WaitAsync(cancellationToken);
            return result;
        }
    }
}
