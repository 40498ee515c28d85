using System.Diagnostics;
using System.Text;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Search;
using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Broadsheet.Bench;

/// <summary>
/// How long the spelling words (<see cref="SiteWords"/>) take to be read whole and then to follow one publication,
/// the wait of the first reader whose search finds nothing after it. <c>count</c> generated articles in a SQLite file
/// under /tmp, their words made up so that the vocabulary is as large as a big Russian archive's (hundreds of thousands
/// of forms, Zipf-distributed); then publications one at a time, each followed.
/// </summary>
public static class SiteWordsBench
{
    private const int Publications = 30;
    private const int WordsAnArticle = 400;

    public static async Task<int> RunAsync(int count, int forms, TextWriter output)
    {
        var folder = Directory.CreateTempSubdirectory("site-words-bench-");
        try
        {
            var services = new ServiceCollection()
                .AddDbContext<SqliteBroadsheetDb>(o => o.UseSqlite($"Data Source={Path.Combine(folder.FullName, "bench.db")}"))
                .AddScoped<BroadsheetDb>(sp => sp.GetRequiredService<SqliteBroadsheetDb>())
                .BuildServiceProvider();
            await using (services)
            {
                var scopes = services.GetRequiredService<IServiceScopeFactory>();
                await using (var scope = scopes.CreateAsyncScope())
                    await DatabaseStartup.EnsureSchemaAsync(scope.ServiceProvider.GetRequiredService<BroadsheetDb>(), migrate: true, NullLogger.Instance);

                var clock = new SetClock(new DateTime(2024, 5, 15, 9, 0, 0, DateTimeKind.Utc));
                var made = new MadeUpWords(forms, new Random(7));
                var started = Stopwatch.GetTimestamp();
                for (var from = 0; from < count; from += 1000)
                    await AddAsync(scopes, Enumerable.Range(from, Math.Min(1000, count - from)).Select(i => made.Article(i, clock.Now.AddMinutes(-count + i))));
                output.WriteLine($"{count:N0} articles written in {Stopwatch.GetElapsedTime(started).TotalSeconds:N1} s");

                using var words = new SiteWords(scopes, clock);
                started = Stopwatch.GetTimestamp();
                var vocabulary = await words.GetAsync(default);
                output.WriteLine($"whole reading: {Stopwatch.GetElapsedTime(started).TotalMilliseconds:N0} ms, {vocabulary.Count:N0} words");

                var follows = new List<double>();
                for (var i = 0; i < Publications; i++)
                {
                    clock.Now = clock.Now.AddMinutes(1);
                    var article = made.Article(count + i, clock.Now);
                    await AddAsync(scopes, [article]);
                    await words.ArticleChangedAsync(article.Id, default);
                    started = Stopwatch.GetTimestamp();
                    vocabulary = await words.GetAsync(default);
                    follows.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                follows.Sort();
                output.WriteLine($"one publication followed ({Publications} in turn): median {follows[follows.Count / 2]:N1} ms, " +
                    $"slowest {follows[^1]:N1} ms, first {follows[0]:N1} ms; {vocabulary.Count:N0} words");
                output.WriteLine($"managed heap with the words kept: {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:N0} MB");
                GC.KeepAlive(words);
            }
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task AddAsync(IServiceScopeFactory scopes, IEnumerable<Article> articles)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        db.Articles.AddRange(articles);
        await db.SaveChangesAsync();
    }

    /// <summary>Made-up words of 3–12 Cyrillic letters, some with ё, drawn by rank as a language's are (Zipf).</summary>
    private sealed class MadeUpWords
    {
        private const string Letters = "абвгдеёжзийклмнопрстуфхцчшщыьэюя";
        private readonly string[] words;
        private readonly double[] cumulative;
        private readonly Random rnd;

        public MadeUpWords(int forms, Random rnd)
        {
            this.rnd = rnd;
            words = new string[forms];
            cumulative = new double[forms];
            var total = 0.0;
            for (var i = 0; i < forms; i++)
            {
                var word = new StringBuilder();
                var length = 3 + rnd.Next(10);
                for (var j = 0; j < length; j++) word.Append(Letters[rnd.Next(Letters.Length)]);
                words[i] = word.ToString();
                cumulative[i] = total += 1.0 / (i + 1);
            }
            for (var i = 0; i < forms; i++) cumulative[i] /= total;
        }

        private string Next()
        {
            var at = Array.BinarySearch(cumulative, rnd.NextDouble());
            return words[Math.Min(at < 0 ? ~at : at, words.Length - 1)];
        }

        public Article Article(int i, DateTime publishedAt)
        {
            var body = string.Join(' ', Enumerable.Range(0, WordsAnArticle).Select(_ => Next()));
            return new Article
            {
                Id = i + 1, Slug = $"article-{i + 1}", Title = $"{Next()} {Next()} {Next()}", Lead = $"{Next()} {Next()} {Next()} {Next()}",
                Body = body, BodyHtml = $"<p>{body}</p>", Language = "ru", Status = ArticleStatus.Published,
                PublishedAt = publishedAt, CreatedAt = publishedAt,
            };
        }
    }

    private sealed class SetClock(DateTime now) : TimeProvider
    {
        public DateTime Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => new(Now, TimeSpan.Zero);
    }
}
