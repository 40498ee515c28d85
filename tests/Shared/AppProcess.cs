using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace Broadsheet.Testing;

/// <summary>
/// The built application running as a process of its own on a free loopback port, as an operator
/// would run it: for tests that need a real server (a browser, or two web nodes side by side).
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(120);
    private readonly StringBuilder log = new();
    private readonly Process process;

    private AppProcess(Process process, string origin)
    {
        this.process = process;
        Origin = origin;
    }

    public string Origin { get; }
    public int ProcessId => process.Id;
    public bool HasExited => process.HasExited;

    public string Log
    {
        get { lock (log) return log.ToString(); }
    }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Starts the app with these settings (as environment variables, e.g. Broadsheet__DataDirectory) and waits until it answers.</summary>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var project = Path.Combine(RepositoryRoot, "src", "Broadsheet");
        var dll = BuiltDll();

        var origin = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(origin);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var app = new AppProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."), origin);
        app.process.OutputDataReceived += (_, e) => app.Append(e.Data);
        app.process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        await app.WaitUntilAnsweringAsync();
        return app;
    }

    /// <summary>
    /// Runs the app with <paramref name="args"/> (a command, or whatever an operator might type) in
    /// <paramref name="workingDirectory"/> and waits for it to exit; a run that is still going after
    /// <paramref name="timeout"/> (it started serving instead) is killed and reported with exit code -1.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(
        IReadOnlyList<string> args, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(BuiltDll());
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort()}";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try { await process.WaitForExitAsync(limit.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, await output + await error);
        }
        return (process.ExitCode, await output + await error);
    }

    private static string BuiltDll()
    {
        var configuration = typeof(AppProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var dll = Path.Combine(RepositoryRoot, "src", "Broadsheet", "bin", configuration, "net10.0", "Broadsheet.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"The app is not built: {dll} is missing.");
    }

    /// <summary>As a crash would: no shutdown, no flush, no lease handed over.</summary>
    public async Task KillAsync()
    {
        if (process.HasExited) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>As an operator's stop would (SIGTERM): the app shuts down gracefully.</summary>
    public async Task StopAsync()
    {
        if (process.HasExited) return;
        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await term.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { await KillAsync(); }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (log) log.AppendLine(line);
    }

    private async Task WaitUntilAnsweringAsync()
    {
        var deadline = DateTime.UtcNow + StartupTimeout;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException("The app exited on startup:\n" + Log);
            try
            {
                using var response = await http.GetAsync(Origin + "/healthz");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        await KillAsync();
        throw new TimeoutException($"The app did not answer at {Origin} within {StartupTimeout}:\n" + Log);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Broadsheet.sln"))) return dir.FullName;
        throw new InvalidOperationException("Broadsheet.sln not found above " + AppContext.BaseDirectory);
    }
}
