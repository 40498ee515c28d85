using System.Diagnostics;
using System.Globalization;
using Broadsheet.Features.Articles;
using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Search;

/// <summary>
/// Every word the site has published (headlines, leads, bodies) with how often it occurs: what a misspelt query is
/// corrected towards, the same for either search engine. Held in memory; read from the database when first asked,
/// then brought up to date with each changed article (on any node: it follows every node). An article published since
/// the archive was last read whole is followed exactly; a change to one that reading counted (an edit, a removal) calls
/// for the whole archive again, as does a change that went unheard (every few minutes). On a large archive (a million
/// articles: a minute of one core) those whole readings are spaced so that they take at most a twentieth of a core.
/// Only published articles count, so a suggestion never gives away a draft's words.
/// </summary>
public sealed class SiteWords(IServiceScopeFactory scopes, TimeProvider clock, TimeSpan? longestWait = null, TimeSpan? quickReading = null)
    : IArticleObserver, IDisposable
{
    private const int BatchSize = 500;
    private const int MostHeard = 100_000;
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a search waits for the words to be read. A small site's are read in milliseconds; a million articles'
    /// take over a minute (70 s measured), which no reader should wait for a suggestion: past this they get the words
    /// as last read (none, the very first time) while the reading goes on.
    /// </summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(5);

    /// <summary>A whole reading quicker than this is done again as soon as it is due; a slower one waits its turn (<see cref="Spacing"/>).</summary>
    public static readonly TimeSpan QuickReading = TimeSpan.FromSeconds(1);

    /// <summary>A slow whole reading starts at most once in this many times its own length: a twentieth of a core at most.</summary>
    private const int Spacing = 20;

    private readonly TimeSpan wait = longestWait ?? LongestWait;
    private readonly TimeSpan quick = quickReading ?? QuickReading;

    private readonly Lock gate = new();
    private readonly CancellationTokenSource stopping = new();
    // Under the gate:
    private Task<Vocabulary>? reading;
    private readonly HashSet<int> heard = [];
    private bool everything, drifted;
    private DateTime wholeReadAt;
    private long wholeEndedAt;
    private TimeSpan wholeTook;
    // Written only by the reading under way (one at a time); the words are read by any search:
    private WordTally? tally;
    private volatile Vocabulary? words;

    public bool FollowsEveryNode => true;

    // Disposed once for each way it is registered: cancelling twice is harmless, a disposed source is not.
    public void Dispose() => stopping.Cancel();

    /// <summary>An article changed; 0 when it is not known which (an import): the whole archive is read again.</summary>
    public Task ArticleChangedAsync(int articleId, CancellationToken ct)
    {
        lock (gate)
        {
            if (articleId == 0) everything = true;
            // Heard of so many (no search asked for a long while) that reading the whole archive again is simpler.
            else if (heard.Count >= MostHeard) { heard.Clear(); drifted = true; }
            else heard.Add(articleId);
        }
        return Task.CompletedTask;
    }

    public async Task<Vocabulary> GetAsync(CancellationToken ct)
    {
        var current = words;
        var read = Read();
        if (read.IsCompleted || await Task.WhenAny(read, Task.Delay(wait, ct)) == read) return await read;
        ct.ThrowIfCancellationRequested();
        return current ?? Vocabulary.Empty;
    }

    /// <summary>
    /// The reading under way, or the one now due (the whole archive, or the articles heard of), or the words as they
    /// are when nothing is due: one reading at a time, whoever asked first, not cut short by a reader leaving.
    /// </summary>
    private Task<Vocabulary> Read()
    {
        lock (gate)
        {
            if (reading is { IsCompleted: false } running) return running;
            var now = clock.GetUtcNow().UtcDateTime;
            if (words is null || everything || (drifted || now - wholeReadAt >= MaxAge) && WholeReadingMayStart())
            {
                StartWholeReading(now);
                return reading = Task.Run(() => ReadWholeAsync(now, stopping.Token));
            }
            if (heard.Count == 0) return Task.FromResult(words);
            var changed = heard.ToList();
            heard.Clear();
            return reading = Task.Run(() => FollowAsync(changed, stopping.Token));
        }
    }

    /// <summary>Under the gate: what was heard so far, the whole reading will see.</summary>
    private void StartWholeReading(DateTime now)
    {
        heard.Clear();
        everything = drifted = false;
        wholeReadAt = now;
    }

    private bool WholeReadingMayStart() =>
        wholeTook < quick || Stopwatch.GetElapsedTime(wholeEndedAt) >= Spacing * wholeTook;

    /// <summary>The form a word is looked up by: lower case, ё read as е.</summary>
    public static string Key(string word) => word.ToLower(CultureInfo.InvariantCulture).Replace('ё', 'е');

    private async Task<Vocabulary> ReadWholeAsync(DateTime now, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
            var counted = new WordTally(now);
            var after = 0;
            while (true)
            {
                var rows = await Batch(db, after).ToListAsync(ct);
                if (rows.Count == 0) break;
                after = rows[^1].Id;
                foreach (var row in rows) counted.Count(row);
            }
            tally = counted;
            return words = counted.ToVocabulary();
        }
        catch
        {
            // What was heard before it started is in no count now: the next whole reading must see it.
            lock (gate) drifted = true;
            throw;
        }
        finally
        {
            lock (gate)
            {
                wholeEndedAt = Stopwatch.GetTimestamp();
                wholeTook = Stopwatch.GetElapsedTime(started, wholeEndedAt);
            }
        }
    }

    /// <summary>
    /// Brings the words up to date with the articles heard of. One the tally cannot follow calls for a whole reading:
    /// now if the archive is read quickly, else when its turn comes (meanwhile that article's new words wait).
    /// </summary>
    private async Task<Vocabulary> FollowAsync(List<int> changed, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var exact = false;
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
            var followed = true;
            foreach (var chunk in changed.Chunk(BatchSize))
            {
                var rows = await db.Articles.AsNoTracking().Where(a => chunk.Contains(a.Id))
                    .Select(a => new WordSource(a.Id, a.Status, a.PublishedAt, a.Title, a.Lead, a.BodyHtml))
                    .ToDictionaryAsync(a => a.Id, ct);
                foreach (var id in chunk) followed &= tally!.Follow(id, rows.GetValueOrDefault(id), now);
            }
            exact = followed;
        }
        finally
        {
            if (!exact) lock (gate) drifted = true;
        }
        if (!exact)
        {
            lock (gate)
            {
                if (WholeReadingMayStart()) StartWholeReading(now);
                else return words = tally!.ToVocabulary();
            }
            return await ReadWholeAsync(now, ct);
        }
        return words = tally!.ToVocabulary();
    }

    /// <summary>
    /// The next articles by id, in any state (the published are picked out as they come), walked along the primary
    /// key. Asked for the published ones only, SQLite took its status index and sorted every published article after
    /// <paramref name="after"/> for each batch of 500: at a million articles the first reading had not ended after ten minutes.
    /// </summary>
    public static IQueryable<WordSource> Batch(BroadsheetDb db, int after) => db.Articles.AsNoTracking()
        .TagWith(WholeReadingTag)
        .Where(a => a.Id > after)
        .OrderBy(a => a.Id).Take(BatchSize)
        .Select(a => new WordSource(a.Id, a.Status, a.PublishedAt, a.Title, a.Lead, a.BodyHtml));

    /// <summary>Said in the whole reading's SQL, where a database's own statistics show what it costs.</summary>
    public const string WholeReadingTag = "Site words: the whole archive";

    public sealed record WordSource(int Id, ArticleStatus Status, DateTime? PublishedAt, string Title, string Lead, string BodyHtml);

    public sealed record Entry(string Key, string Form, int Count)
    {
        /// <summary>Which letters the word has, hashed into 64 bits: letters one word has and the other lacks each cost an edit, so most words are ruled out without measuring.</summary>
        public ulong Letters { get; } = LettersOf(Key);
    }

    public static ulong LettersOf(string key)
    {
        var letters = 0UL;
        foreach (var c in key) letters |= 1UL << (c % 64);
        return letters;
    }

    /// <summary>
    /// The words by key, and by length, since a correction only looks at words about as long as the typed one;
    /// and the same for their stems, since a site may have printed only other forms of the word a reader means
    /// («выборах», never «выборы»): a misspelt stem is then corrected and the reader's ending kept.
    /// </summary>
    public sealed class Vocabulary
    {
        private readonly Dictionary<string, Entry> keys;
        private readonly Dictionary<int, List<Entry>> byLength;
        private readonly Dictionary<string, Entry> stemKeys;
        private readonly Dictionary<int, List<Entry>> stemsByLength;

        /// <summary>A copy of the words and stems as they are now (the tally goes on changing its own): the
        /// dictionaries are copied entry by entry without hashing a word again.</summary>
        internal Vocabulary(Dictionary<string, Entry> words, Dictionary<string, Entry> stems)
        {
            keys = new(words);
            byLength = ByLength(words.Values);
            stemKeys = new(stems);
            stemsByLength = ByLength(stems.Values);
        }

        private static Dictionary<int, List<Entry>> ByLength(Dictionary<string, Entry>.ValueCollection entries)
        {
            var byLength = new Dictionary<int, List<Entry>>();
            foreach (var e in entries)
            {
                if (!byLength.TryGetValue(e.Key.Length, out var list)) byLength[e.Key.Length] = list = [];
                list.Add(e);
            }
            return byLength;
        }

        public static readonly Vocabulary Empty = new([], []);

        public int Count => keys.Count;

        public bool Contains(string key) => keys.ContainsKey(key);

        public IReadOnlyList<Entry> OfLength(int length) => byLength.TryGetValue(length, out var list) ? list : [];

        public bool ContainsStem(string stem) => stemKeys.ContainsKey(stem);

        public IReadOnlyList<Entry> StemsOfLength(int length) => stemsByLength.TryGetValue(length, out var list) ? list : [];
    }
}
