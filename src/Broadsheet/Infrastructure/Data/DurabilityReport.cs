using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Infrastructure.Data;

/// <summary>
/// Says once, at start, whether an acknowledged write survives a crash: SQLite's settings as
/// <see cref="SqliteDurability"/> set them (it has already refused a filesystem without WAL), or
/// PostgreSQL's server settings, with a warning for each that is off. A test cluster runs with them
/// off on purpose; a production one never should.
/// </summary>
public static class DurabilityReport
{
    private static readonly string[] PostgresSettings = ["fsync", "synchronous_commit", "full_page_writes"];

    public static async Task LogAsync(BroadsheetDb db, ILogger log, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            if (connection is SqliteConnection sqlite)
            {
                var (mode, synchronous) = SqliteDurability.Apply(sqlite);
                log.LogInformation("SQLite {File}: journal_mode={Mode}, synchronous={Synchronous}", sqlite.DataSource, mode, synchronous);
                return;
            }
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT " + string.Join(", ", PostgresSettings.Select(s => $"current_setting('{s}')"));
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            var values = PostgresSettings.Select((name, i) => (name, value: reader.GetString(i))).ToList();
            log.LogInformation("PostgreSQL: {Settings}", string.Join(", ", values.Select(v => $"{v.name}={v.value}")));
            foreach (var (name, value) in values.Where(v => v.value == "off"))
                log.LogWarning("PostgreSQL runs with {Setting}=off: a crash of its server can lose writes this site has acknowledged", name);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
