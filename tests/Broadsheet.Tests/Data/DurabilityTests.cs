using Broadsheet.Infrastructure.Data;
using Broadsheet.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Broadsheet.Tests.Data;

/// <summary>What makes an acknowledged write survive a crash is set and checked at start, not assumed.</summary>
public sealed class DurabilityTests : IDisposable
{
    private readonly BroadsheetApp app = new();

    public void Dispose() => app.Dispose();

    [SqliteFact]
    public async Task Every_connection_the_app_opens_is_in_WAL_mode_and_syncs_each_commit_and_the_start_says_so()
    {
        var settings = await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA journal_mode; PRAGMA synchronous;";
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            var mode = reader.GetString(0);
            await reader.NextResultAsync();
            await reader.ReadAsync();
            return (mode, reader.GetInt64(0));
        });

        Assert.Equal(("wal", 2L), settings);
        Assert.Single(app.Log.Lines, l => l.StartsWith("SQLite ", StringComparison.Ordinal) && l.EndsWith("journal_mode=wal, synchronous=FULL", StringComparison.Ordinal));
    }

    [Fact]
    public void A_database_where_WAL_does_not_take_is_refused_with_a_message_that_says_what_to_do()
    {
        using var memory = new SqliteConnection("Data Source=:memory:");
        memory.Open();

        var refusal = Assert.Throws<InvalidOperationException>(() => SqliteDurability.Apply(memory));

        Assert.Contains("WAL", refusal.Message);
        Assert.Contains("Broadsheet:DataDirectory", refusal.Message);
    }

    [PostgresFact]
    public async Task PostgreSQL_durability_settings_are_logged_at_start_with_a_warning_for_each_that_is_off()
    {
        _ = app.Services;
        var expected = new Dictionary<string, string>();
        await using (var connection = new NpgsqlConnection(app.Database.PostgresConnection))
        {
            await connection.OpenAsync();
            foreach (var name in new[] { "fsync", "synchronous_commit", "full_page_writes" })
            {
                await using var show = new NpgsqlCommand($"SHOW {name}", connection);
                expected[name] = (string)(await show.ExecuteScalarAsync())!;
            }
        }

        var lines = app.Log.Lines.ToList();
        Assert.Contains($"PostgreSQL: fsync={expected["fsync"]}, synchronous_commit={expected["synchronous_commit"]}, full_page_writes={expected["full_page_writes"]}", lines);
        foreach (var (name, value) in expected)
        {
            var warned = lines.Any(l => l.StartsWith($"PostgreSQL runs with {name}=off", StringComparison.Ordinal));
            Assert.Equal(value == "off", warned);
        }
    }
}
