using System.Globalization;
using System.Text.RegularExpressions;
using Broadsheet.Features.Articles;
using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Search;

/// <summary>
/// Every word the site has published (headlines, leads, bodies) with how often it occurs: what a misspelt query is
/// corrected towards, the same for either search engine. Held in memory and read again from the database after
/// an article changes (on any node: it follows every node) or, in case a change went unheard, every few minutes.
/// Only published articles count, so a suggestion never gives away a draft's words.
/// </summary>
public sealed partial class SiteWords(IServiceScopeFactory scopes, TimeProvider clock, TimeSpan? longestWait = null) : IArticleObserver, IDisposable
{
    private const int BatchSize = 500;
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a search waits for the words to be read. A small site's are read in milliseconds; a million articles'
    /// take over a minute (70 s measured), which no reader should wait for a suggestion: past this they get the words
    /// as last read (none, the very first time) while the reading goes on.
    /// </summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(5);

    private readonly TimeSpan wait = longestWait ?? LongestWait;

    private readonly Lock gate = new();
    private readonly CancellationTokenSource stopping = new();
    private Task<Vocabulary>? reading;
    private Vocabulary? words;
    private DateTime readAt;
    private volatile bool stale;

    public bool FollowsEveryNode => true;

    // Disposed once for each way it is registered: cancelling twice is harmless, a disposed source is not.
    public void Dispose() => stopping.Cancel();

    public Task ArticleChangedAsync(int articleId, CancellationToken ct)
    {
        stale = true;
        return Task.CompletedTask;
    }

    public async Task<Vocabulary> GetAsync(CancellationToken ct)
    {
        var current = words;
        if (current is not null && !stale && clock.GetUtcNow().UtcDateTime - readAt < MaxAge) return current;
        var read = Read();
        if (await Task.WhenAny(read, Task.Delay(wait, ct)) == read) return await read;
        ct.ThrowIfCancellationRequested();
        return current ?? Vocabulary.Empty;
    }

    /// <summary>The reading under way, or a new one: one at a time, whoever asked first, not cut short by a reader leaving.</summary>
    private Task<Vocabulary> Read()
    {
        lock (gate)
        {
            if (reading is { IsCompleted: false } running) return running;
            stale = false;
            readAt = clock.GetUtcNow().UtcDateTime;
            return reading = Task.Run(async () => words = await ReadAsync(stopping.Token));
        }
    }

    /// <summary>The form a word is looked up by: lower case, ё read as е.</summary>
    public static string Key(string word) => word.ToLower(CultureInfo.InvariantCulture).Replace('ё', 'е');

    private async Task<Vocabulary> ReadAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        // Per key, how often each spelling occurs: "ёлка" and "елка" are one key, suggested as the site mostly writes it.
        var counts = new Dictionary<string, Dictionary<string, int>>();
        var after = 0;
        while (true)
        {
            var rows = await Batch(db, after).ToListAsync(ct);
            if (rows.Count == 0) break;
            after = rows[^1].Id;
            foreach (var row in rows)
            {
                if (row.Status != ArticleStatus.Published || row.PublishedAt is not { } at || at > now) continue;
                Count(row.Title, counts);
                Count(row.Lead, counts);
                Count(ArticleSource.PlainText(row.BodyHtml), counts);
            }
        }
        return new Vocabulary(counts.Select(kv => new Entry(kv.Key,
            kv.Value.MaxBy(form => form.Value).Key, kv.Value.Values.Sum())));
    }

    /// <summary>
    /// The next articles by id, in any state (the published are picked out as they come), walked along the primary
    /// key. Asked for the published ones only, SQLite took its status index and sorted every published article after
    /// <paramref name="after"/> for each batch of 500: at a million articles the first reading had not ended after ten minutes.
    /// </summary>
    public static IQueryable<WordSource> Batch(BroadsheetDb db, int after) => db.Articles.AsNoTracking()
        .Where(a => a.Id > after)
        .OrderBy(a => a.Id).Take(BatchSize)
        .Select(a => new WordSource(a.Id, a.Status, a.PublishedAt, a.Title, a.Lead, a.BodyHtml));

    public sealed record WordSource(int Id, ArticleStatus Status, DateTime? PublishedAt, string Title, string Lead, string BodyHtml);

    private static void Count(string text, Dictionary<string, Dictionary<string, int>> counts)
    {
        foreach (Match m in Word().Matches(text))
        {
            var form = m.Value.ToLower(CultureInfo.InvariantCulture);
            var key = form.Replace('ё', 'е');
            if (!counts.TryGetValue(key, out var forms)) counts[key] = forms = [];
            forms[form] = forms.GetValueOrDefault(form) + 1;
        }
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();

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
        private readonly HashSet<string> keys = [];
        private readonly Dictionary<int, List<Entry>> byLength = [];
        private readonly HashSet<string> stemKeys = [];
        private readonly Dictionary<int, List<Entry>> stemsByLength = [];

        public Vocabulary(IEnumerable<Entry> entries)
        {
            var stems = new Dictionary<string, int>();
            foreach (var e in entries)
            {
                Add(e, keys, byLength);
                var stem = Stems.Of(e.Key);
                stems[stem] = stems.GetValueOrDefault(stem) + e.Count;
            }
            foreach (var (stem, count) in stems) Add(new Entry(stem, stem, count), stemKeys, stemsByLength);
        }

        private static void Add(Entry e, HashSet<string> keys, Dictionary<int, List<Entry>> byLength)
        {
            keys.Add(e.Key);
            if (!byLength.TryGetValue(e.Key.Length, out var list)) byLength[e.Key.Length] = list = [];
            list.Add(e);
        }

        public static readonly Vocabulary Empty = new([]);

        public int Count => keys.Count;

        public bool Contains(string key) => keys.Contains(key);

        public IReadOnlyList<Entry> OfLength(int length) => byLength.TryGetValue(length, out var list) ? list : [];

        public bool ContainsStem(string stem) => stemKeys.Contains(stem);

        public IReadOnlyList<Entry> StemsOfLength(int length) => stemsByLength.TryGetValue(length, out var list) ? list : [];
    }
}
