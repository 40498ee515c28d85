using System.Net;
using System.Net.Sockets;
using Broadsheet.Infrastructure.Data;
using Broadsheet.Testing;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Faults;

/// <summary>
/// A test publication served by the built app as a process of its own (SQLite file or PostgreSQL database, as the
/// test pass says), which a test may kill as a crash would, stop as an operator would, and start again over the same storage.
/// </summary>
public sealed class ChildSite : IAsyncDisposable
{
    private readonly Dictionary<string, string> environment;

    private ChildSite(TestDatabase storage, Dictionary<string, string> environment, AppProcess process)
    {
        Storage = storage;
        this.environment = environment;
        Process = process;
    }

    public TestDatabase Storage { get; }
    public AppProcess Process { get; private set; }

    /// <summary>Starts the app over <paramref name="storage"/> with the test's settings ("Broadsheet:ViewFlushSeconds") on top of quiet defaults.</summary>
    public static async Task<ChildSite> StartAsync(TestDatabase storage, IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["Broadsheet__SeedDemo"] = "false",
            ["Broadsheet__Newsletter__SchedulerSeconds"] = "0",
            ["Broadsheet__ShutdownDrainSeconds"] = "0",
        };
        foreach (var (key, value) in storage.Settings()) environment[Variable(key)] = value!;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[Variable(key)] = value;
        return new ChildSite(storage, environment, await AppProcess.StartAsync(environment));
    }

    /// <summary>Starts the app again over the same storage, after a crash or a stop.</summary>
    public async Task RestartAsync()
    {
        await Process.DisposeAsync();
        Process = await AppProcess.StartAsync(environment);
    }

    public HttpClient Client(CookieContainer? cookies = null) =>
        new(new SocketsHttpHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(5) })
        {
            BaseAddress = new Uri(Process.Origin),
            Timeout = TimeSpan.FromSeconds(15),
        };

    /// <summary>Reads the storage directly, as an operator's query would.</summary>
    public async Task<T> WithDbAsync<T>(Func<BroadsheetDb, Task<T>> work)
    {
        await using BroadsheetDb db = Storage.PostgresConnection is { } postgres
            ? new PostgresBroadsheetDb(new DbContextOptionsBuilder<PostgresBroadsheetDb>().UseNpgsql(postgres).Options)
            : new SqliteBroadsheetDb(new DbContextOptionsBuilder<SqliteBroadsheetDb>()
                .UseSqlite($"Data Source={Path.Combine(Storage.DataDirectory, "broadsheet.db")};Pooling=False").Options);
        return await work(db);
    }

    /// <summary>A connection the operating system refused: nobody listens on the port (any more).</summary>
    public static bool IsRefused(Exception e) =>
        e is HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } };

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        Storage.Release();
    }

    private static string Variable(string key) => key.Replace(":", "__", StringComparison.Ordinal);
}
