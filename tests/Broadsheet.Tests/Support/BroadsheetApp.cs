using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Broadsheet.Tests.Support;

/// <summary>
/// The real application over a real SQLite file in a folder of its own, with a clock the
/// test controls. Each test class gets a fresh one, so no test sees another's data.
/// </summary>
public class BroadsheetApp : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset DefaultNow = new(2024, 5, 15, 9, 0, 0, TimeSpan.Zero);

    static BroadsheetApp()
    {
        // Each app would otherwise watch its configuration files through inotify, and the
        // machine-wide limit of 128 watchers runs out when test classes start apps in parallel.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    /// <summary>A new, empty publication.</summary>
    public BroadsheetApp() : this(TestDatabase.Create()) { }

    /// <summary>An app over storage the test chose (a data folder on a small filesystem of its own).</summary>
    protected BroadsheetApp(TestDatabase database) => Database = database;

    private bool released;

    /// <summary>Stops this app and starts another over the same data folder and database, with the clock where it was.</summary>
    public BroadsheetApp Restart(Action<BroadsheetApp>? configure = null)
    {
        Database.KeptByAnotherApp = true;
        Dispose();
        var next = new BroadsheetApp(Database);
        next.Clock.Set(Clock.GetUtcNow());
        foreach (var (key, value) in Settings) next.Settings[key] = value;
        next.Replace = Replace;
        configure?.Invoke(next);
        return next;
    }

    public TestDatabase Database { get; }
    public string DataDirectory => Database.DataDirectory;

    /// <summary>Everything the app logged, for what only the log tells (the first administrator's setup link).</summary>
    public CapturedLog Log { get; } = new();
    public MovableClock Clock { get; } = new(DefaultNow);
    /// <summary>Services the test puts in place of the app's own (a disk that fills up); kept across <see cref="Restart"/>.</summary>
    public Action<IServiceCollection>? Replace { get; set; }

    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Broadsheet:SeedDemo"] = "false",
        // Disposing an app is a shutdown; a test has no load balancer to wait for.
        ["Broadsheet:ShutdownDrainSeconds"] = "0",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Database.Settings()) builder.UseSetting(key, value);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            Replace?.Invoke(services);
        });
        builder.ConfigureLogging(l => l.AddProvider(Log));
    }

    public HttpClient Reader() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Runs <paramref name="work"/> against the app's own database, as the newsroom would.</summary>
    public async Task<T> WithDbAsync<T>(Func<BroadsheetDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<BroadsheetDb>());
    }

    public Task WithDbAsync(Func<BroadsheetDb, Task> work) => WithDbAsync(async db => { await work(db); return true; });

    public async Task<IHtmlDocument> GetPageAsync(string path, HttpStatusCodeExpectation expect = HttpStatusCodeExpectation.Ok)
    {
        using var response = await Reader().GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        if (expect == HttpStatusCodeExpectation.Ok && !response.IsSuccessStatusCode)
            throw new Xunit.Sdk.XunitException($"GET {path} answered {(int)response.StatusCode}");
        return new HtmlParser().ParseDocument(html);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        // The factory disposes through more than one path; storage is released once.
        if (disposing && !released) { released = true; Database.Release(); }
    }
}

public enum HttpStatusCodeExpectation { Ok, Any }
