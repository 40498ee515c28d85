using Broadsheet.Testing;
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
    private AppProcess? server;
    private IPlaywright? playwright;

    public string Origin => server?.Origin ?? throw new InvalidOperationException("The site has not started.");
    public static string RepositoryRoot => AppProcess.RepositoryRoot;
    public static string ScreenshotDirectory => Path.Combine(RepositoryRoot, "artifacts", "screenshots");
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The app's outbox folder (&lt;data&gt;/mail), where it files mail while no SMTP server is configured.</summary>
    public string MailFolderPath => Path.Combine(dataDirectory, "mail");

    /// <summary>Where the app's mail goes (confirmation links for reader accounts).</summary>
    public MailCatcher Mail { get; } = new();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        server = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Broadsheet__DataDirectory"] = dataDirectory,
            ["Broadsheet__SeedDemo"] = "true",
            ["Broadsheet__Smtp__Host"] = "127.0.0.1",
            ["Broadsheet__Smtp__Port"] = Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Broadsheet__Smtp__Security"] = "None",
        });
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
        if (server is not null) await server.DisposeAsync();
        Mail.Dispose();
        try { Directory.Delete(dataDirectory, recursive: true); }
        catch (IOException) { /* a file still held open is not worth failing the run over */ }
    }

    public Task<IBrowserContext> NewContextAsync(int width, int height = 900, bool javaScript = true, ColorScheme colorScheme = ColorScheme.Light) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ColorScheme = colorScheme,
            BaseURL = Origin,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
            IsMobile = width < 600,
            HasTouch = width < 600,
        });

    /// <summary>What the server wrote, so that a failing test can say why the app misbehaved.</summary>
    public string ServerLog => server?.Log ?? "";
}
