using System.Net;
using System.Net.Http.Json;
using Broadsheet.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Broadsheet.Tests.Site;

public sealed class HealthTests : IDisposable
{
    private readonly BroadsheetApp app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Liveness_and_readiness_answer_when_the_database_does()
    {
        var client = app.Reader();
        Assert.Equal("ok", await client.GetStringAsync("/healthz"));
        var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ok", (await ready.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["database"]);
    }

    [SqliteFact]
    public async Task Readiness_is_503_while_the_database_file_is_gone_and_liveness_stays_200()
    {
        var client = app.Reader();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
        var file = Path.Combine(app.DataDirectory, "broadsheet.db");
        SqliteConnection.ClearAllPools();
        // As when the data folder's volume is unmounted under the running site.
        File.Move(file, file + ".away");
        try
        {
            await AssertOutOfRotationAsync(client);
        }
        finally { File.Move(file + ".away", file); }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }

    [PostgresFact]
    public async Task Readiness_is_503_while_PostgreSQL_refuses_connections_and_liveness_stays_200()
    {
        var client = app.Reader();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
        var name = new NpgsqlConnectionStringBuilder(app.Database.PostgresConnection).Database;
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(app.Database.PostgresConnection) { Database = "postgres", Pooling = false }.ToString());
        await admin.OpenAsync();
        await ExecuteAsync(admin, $"""ALTER DATABASE "{name}" ALLOW_CONNECTIONS false""");
        await ExecuteAsync(admin, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'");
        NpgsqlConnection.ClearAllPools();
        try
        {
            await AssertOutOfRotationAsync(client);
        }
        finally { await ExecuteAsync(admin, $"""ALTER DATABASE "{name}" ALLOW_CONNECTIONS true"""); }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }

    private static async Task AssertOutOfRotationAsync(HttpClient client)
    {
        var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("unreachable", (await ready.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["database"]);
        var live = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("ok", await live.Content.ReadAsStringAsync());
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
