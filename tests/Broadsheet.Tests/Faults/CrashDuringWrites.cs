using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Broadsheet.Tests.Comments;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Faults;

/// <summary>
/// Readers comment, sign up for the newsletter, report typos and send view beacons, all at once, to the app
/// process, which is killed (SIGKILL: no shutdown, no flush) in the middle and started again, twice. What each
/// writer was told is kept for <see cref="CrashTests"/> to compare with what the database holds afterwards.
/// </summary>
public sealed class CrashDuringWrites : IAsyncLifetime
{
    public const int Rounds = 2;
    private const int WritersPerKind = 2;
    private const int MostPerWriter = 1000;
    private static readonly TimeSpan KillAfter = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan MostTime = TimeSpan.FromSeconds(20);

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Broadsheet:ViewFlushSeconds"] = "1",
        ["Broadsheet:Comments:PerMinute"] = "1000000",
        ["Broadsheet:Comments:PerDay"] = "1000000",
        ["Broadsheet:Newsletter:SignUpsPerClientPer10Minutes"] = "1000000",
        ["Broadsheet:TypoReports:PerMinute"] = "1000000",
        ["Broadsheet:TypoReports:PerHour"] = "1000000",
    };

    private readonly List<string> readerEmails = [];

    public ChildSite Site { get; private set; } = null!;
    public int ArticleId { get; private set; }

    /// <summary>Per kind of write, what the app answered 2xx: key → (round, when).</summary>
    public ConcurrentDictionary<string, (int Round, TimeSpan At)> Comments { get; } = new();
    public ConcurrentDictionary<string, (int Round, TimeSpan At)> SignUps { get; } = new();
    public ConcurrentDictionary<string, (int Round, TimeSpan At)> TypoReports { get; } = new();
    public ConcurrentDictionary<string, (int Round, TimeSpan At)> Views { get; } = new();

    /// <summary>Answers other than 2xx before a kill: the writes themselves were refused, which would make the test prove nothing.</summary>
    public ConcurrentQueue<string> RefusedBeforeAKill { get; } = new();
    public List<TimeSpan> KilledAt { get; } = [];

    public async Task InitializeAsync()
    {
        // Set up in-process (an article published a minute ago in real time, confirmed readers), then served by the app process.
        var setup = new BroadsheetApp();
        try
        {
            ArticleId = (await new TestPublication(setup).ArticleAsync("Storm closes the harbour",
                publishedAt: DateTime.UtcNow.AddMinutes(-1), body: "The harbour master closed the port at noon.")).Id;
            for (var i = 0; i < WritersPerKind; i++) readerEmails.Add((await setup.ReaderAsync()).Account.Email!);
        }
        finally
        {
            setup.Database.KeptByAnotherApp = true;
            setup.Dispose();
        }
        Site = await ChildSite.StartAsync(setup.Database, Settings);

        var clock = Stopwatch.StartNew();
        for (var round = 0; round < Rounds; round++) await RoundAsync(round, clock);
    }

    public async Task DisposeAsync() => await Site.DisposeAsync();

    private async Task RoundAsync(int round, Stopwatch clock)
    {
        var killed = 0;
        var started = TimeSpan.MaxValue;
        var readers = new List<HttpClient>();
        foreach (var email in readerEmails) readers.Add(await SignedInAsync(email));

        async Task WriteAsync(string kind, int writer, HttpClient http, ConcurrentDictionary<string, (int, TimeSpan)> acknowledged, Func<string, Task<HttpResponseMessage>> send)
        {
            for (var n = 0; n < MostPerWriter && clock.Elapsed - started < MostTime; n++)
            {
                var key = $"{round}-{writer}-{n}";
                try
                {
                    using var response = await send(key);
                    if (response.IsSuccessStatusCode) acknowledged[key] = (round, clock.Elapsed);
                    else if (Volatile.Read(ref killed) == 0)
                    {
                        var log = Site.Process.Log;
                        // A 500's page says nothing; the app's log says why.
                        RefusedBeforeAKill.Enqueue($"{kind} {key}: {(int)response.StatusCode} "
                            + ((int)response.StatusCode >= 500 ? log[Math.Max(0, log.Length - 3000)..] : await response.Content.ReadAsStringAsync()));
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    if (Volatile.Read(ref killed) == 1) return;
                    RefusedBeforeAKill.Enqueue($"{kind} {key}: {e.Message}");
                }
            }
        }

        var writers = new List<Task>();
        for (var w = 0; w < WritersPerKind; w++)
        {
            var reader = readers[w];
            var token = await reader.TokenAsync();
            var plain = Site.Client();
            writers.Add(WriteAsync("comment", w, reader, Comments, key =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, $"/api/articles/{ArticleId}/comments")
                {
                    Content = JsonContent.Create(new { text = $"Comment {key} from the quay." }),
                };
                request.Headers.Add("RequestVerificationToken", token);
                return reader.SendAsync(request);
            }));
            writers.Add(WriteAsync("sign-up", w, plain, SignUps, key =>
                plain.PostAsJsonAsync("/api/newsletter/subscriptions", new { email = $"reader-{key}@example.test", frequency = "daily" })));
            writers.Add(WriteAsync("typo report", w, plain, TypoReports, key =>
                plain.PostAsJsonAsync("/api/typo-reports", new
                {
                    articleId = ArticleId, fragment = "master", before = "The harbour ", after = " closed the port", suggestion = $"mistress {key}", comment = "",
                })));
            writers.Add(WriteAsync("view", w, plain, Views, key =>
            {
                var beacon = new HttpRequestMessage(HttpMethod.Post, $"/api/views/{ArticleId}");
                beacon.Headers.UserAgent.ParseAdd($"Mozilla/5.0 (X11; Linux x86_64) Reader/{key}");
                return plain.SendAsync(beacon);
            }));
        }

        started = clock.Elapsed;
        // Killed once every kind of write has been acknowledged in this round and views have had time for a few flushes.
        bool Acknowledged(ConcurrentDictionary<string, (int Round, TimeSpan At)> kind) => kind.Values.Any(v => v.Round == round);
        while ((clock.Elapsed - started < KillAfter || !Acknowledged(Comments) || !Acknowledged(SignUps) || !Acknowledged(TypoReports) || !Acknowledged(Views))
            && clock.Elapsed - started < MostTime && writers.Any(w => !w.IsCompleted))
            await Task.Delay(20);
        KilledAt.Add(clock.Elapsed);
        Volatile.Write(ref killed, 1);
        await Site.Process.KillAsync();
        await Task.WhenAll(writers);
        await Site.RestartAsync();
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var http = Site.Client(new CookieContainer());
        using var signIn = await http.SubmitAsync("/account/sign-in", null, ("Input.Email", email), ("Input.Password", Staff.Password));
        if (signIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"sign-in answered {(int)signIn.StatusCode}");
        return http;
    }
}
