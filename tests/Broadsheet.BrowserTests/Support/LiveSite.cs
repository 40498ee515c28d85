using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using Microsoft.Playwright;

namespace Broadsheet.BrowserTests.Support;

/// <summary>
/// The real app, started from its build output as a child process over a fresh data folder
/// with the demo publication, and one headless Debian Chromium driven by Playwright.
/// Started once for every browser test (see <see cref="LiveSiteCollection"/>).
/// </summary>
public sealed class LiveSite : IAsyncLifetime
{
    /// <summary>How long one navigation or one wait may take before the test fails instead of hanging; generous, as CI machines are shared.</summary>
    public const float StepTimeoutMs = 30_000;

    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(120);

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "broadsheet-browser-" + Guid.NewGuid().ToString("N"));
    private readonly StringBuilder serverLog = new();
    private Process? server;
    private IPlaywright? playwright;

    public string Origin { get; } = $"http://127.0.0.1:{FreePort()}";
    public string RepositoryRoot { get; } = FindRepositoryRoot();
    public string ScreenshotDirectory => Path.Combine(RepositoryRoot, "artifacts", "screenshots");
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where the app's mail goes (confirmation links for reader accounts).</summary>
    public MailCatcher Mail { get; } = new();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        StartServer();
        await WaitForPortAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Timeout = StepTimeoutMs,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        if (server is { HasExited: false })
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
        server?.Dispose();
        Mail.Dispose();
        try { Directory.Delete(dataDirectory, recursive: true); }
        catch (IOException) { /* a file still held open is not worth failing the run over */ }
    }

    public Task<IBrowserContext> NewContextAsync(int width, int height = 900, bool javaScript = true) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Origin,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
            IsMobile = width < 600,
            HasTouch = width < 600,
        });

    /// <summary>What the server wrote, so that a failing test can say why the app misbehaved.</summary>
    public string ServerLog
    {
        get { lock (serverLog) return serverLog.ToString(); }
    }

    private void StartServer()
    {
        var project = Path.Combine(RepositoryRoot, "src", "Broadsheet");
        var dll = Path.Combine(project, "bin", BuildConfiguration(), "net10.0", "Broadsheet.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"The app is not built: {dll} is missing.");

        var start = new ProcessStartInfo("dotnet")
        {
            // The project folder is the content root, so wwwroot is served as it is in production.
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(Origin);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Broadsheet__DataDirectory"] = dataDirectory;
        start.Environment["Broadsheet__SeedDemo"] = "true";
        start.Environment["Broadsheet__Smtp__Host"] = "127.0.0.1";
        start.Environment["Broadsheet__Smtp__Port"] = Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Broadsheet__Smtp__Security"] = "None";
        server = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        server.OutputDataReceived += (_, e) => { lock (serverLog) serverLog.AppendLine(e.Data); };
        server.ErrorDataReceived += (_, e) => { lock (serverLog) serverLog.AppendLine(e.Data); };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
    }

    private async Task WaitForPortAsync()
    {
        var deadline = DateTime.UtcNow + StartupTimeout;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        while (DateTime.UtcNow < deadline)
        {
            if (server!.HasExited) throw new InvalidOperationException("The app exited on startup:\n" + ServerLog);
            try
            {
                using var response = await http.GetAsync(Origin + "/");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The app did not answer at {Origin} within {StartupTimeout}:\n" + ServerLog);
    }

    // A port nobody holds, so that a site left running elsewhere can never answer in our app's place.
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string BuildConfiguration() =>
        typeof(LiveSite).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Broadsheet.sln"))) return dir.FullName;
        throw new InvalidOperationException("Broadsheet.sln not found above " + AppContext.BaseDirectory);
    }
}
