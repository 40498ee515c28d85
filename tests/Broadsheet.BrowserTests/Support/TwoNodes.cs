using System.Text.RegularExpressions;
using Broadsheet.Testing;
using Npgsql;

namespace Broadsheet.BrowserTests.Support;

/// <summary>
/// Two app processes over one new PostgreSQL database and the test Redis, as a site runs on an election night.
/// Tests that use it are marked <see cref="TwoNodesFactAttribute"/>, so they run only where both servers answer.
/// </summary>
public sealed partial class TwoNodes : IAsyncDisposable
{
    private static readonly string Server =
        Environment.GetEnvironmentVariable("BROADSHEET_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=postgres";

    private readonly string database = "bs_browser_" + Guid.NewGuid().ToString("N");
    private readonly List<string> folders = [];

    public AppProcess A { get; private set; } = null!;
    public AppProcess B { get; private set; } = null!;

    public static async Task<TwoNodes> StartAsync()
    {
        var nodes = new TwoNodes();
        // Pub/sub channels are not per database in Redis: a prefix of its own keeps other runs' live updates away.
        var redis = $"127.0.0.1:56379,defaultDatabase=14,channelPrefix=browser-{Guid.NewGuid():N}:";
        var connection = new NpgsqlConnectionStringBuilder(Server) { Database = nodes.database }.ToString();
        // A starts first: it creates and migrates the database and the administrator.
        nodes.A = await nodes.StartNodeAsync(connection, redis);
        nodes.B = await nodes.StartNodeAsync(connection, redis);
        return nodes;
    }

    /// <summary>The first administrator's one-time link, logged by the node that created the account.</summary>
    public string SetupPath()
    {
        var match = SetupLinkInLog().Match(A.Log + B.Log);
        Assert.True(match.Success, "Neither node logged a setup link:\n" + A.Log);
        var link = match.Groups["link"].Value;
        return link.StartsWith('/') ? link : new Uri(link).PathAndQuery;
    }

    public async ValueTask DisposeAsync()
    {
        if (A is not null) await A.DisposeAsync();
        if (B is not null) await B.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres" }.ToString()))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        foreach (var folder in folders)
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    private async Task<AppProcess> StartNodeAsync(string connection, string redis)
    {
        var folder = Path.Combine(Path.GetTempPath(), "broadsheet-browser-node-" + Guid.NewGuid().ToString("N"));
        folders.Add(folder);
        return await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Broadsheet__DataDirectory"] = folder,
            ["Broadsheet__Database"] = "postgres",
            ["ConnectionStrings__Broadsheet"] = connection,
            ["Broadsheet__Redis"] = redis,
            ["Broadsheet__SeedDemo"] = "false",
        });
    }

    [GeneratedRegex(@"can set one at (?<link>\S+) \(valid")]
    private static partial Regex SetupLinkInLog();
}
