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

    public BroadsheetApp() : this(null) { }

    /// <summary>Opens the app over an existing data folder, as a restart would; that folder is kept on dispose.</summary>
    public BroadsheetApp(string? dataDirectory)
    {
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "broadsheet-tests", Guid.NewGuid().ToString("N"));
        KeepDataOnDispose = dataDirectory is not null;
    }

    public string DataDirectory { get; }

    /// <summary>Set before disposing to leave the data folder for a restarted app to open.</summary>
    public bool KeepDataOnDispose { get; set; }

    /// <summary>Everything the app logged, for what only the log tells (the first administrator's setup link).</summary>
    public CapturedLog Log { get; } = new();
    public MovableClock Clock { get; } = new(DefaultNow);
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Broadsheet:SeedDemo"] = "false",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Broadsheet:DataDirectory", DataDirectory);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
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
        if (!disposing) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (KeepDataOnDispose) return;
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

public enum HttpStatusCodeExpectation { Ok, Any }
