using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Broadsheet.Infrastructure.Data;

/// <summary>
/// Adds new rows of one entity type through one prepared statement, written from EF's own model (table, columns,
/// type mappings, value converters), so a row reads back exactly as if EF had saved it. For a writer of many rows
/// at once (the WordPress import): EF's SaveChanges builds, sorts and prepares the SQL again for every row, which
/// costs several times what SQLite spends storing it. Nothing is tracked; the caller's transaction, if any, holds
/// the row. Entity types whose columns the database fills (store defaults, computed or generated values other than
/// the key) are refused when the writer is made, as the row would not read back as EF would have left it.
/// One command serves every row: SQLite keeps its statement prepared from the first row on; PostgreSQL parses it
/// each time unless the connection string asks Npgsql to prepare automatically.
/// </summary>
public sealed class PreparedInsert<T> : IDisposable where T : class
{
    private readonly BroadsheetDb db;
    private readonly (IProperty Property, RelationalTypeMapping Mapping)[] columns;
    private readonly IProperty? generatedKey;
    private readonly string sql;
    private DbCommand? command;

    /// <param name="skipTaken">A row that would break a unique index is left out, not an error (<see cref="AddAsync"/> says false).</param>
    public PreparedInsert(BroadsheetDb db, bool skipTaken = false)
    {
        this.db = db;
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        generatedKey = type.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } key] ? key : null;
        var written = type.GetProperties().Where(p => p != generatedKey).ToList();
        if (written.FirstOrDefault(p => p.IsShadowProperty() || p.ValueGenerated != ValueGenerated.Never
                || p.GetDefaultValueSql(table) is not null || !Equals(p.GetDefaultValue(table), p.Sentinel) || p.GetComputedColumnSql(table) is not null) is { } filled)
            throw new NotSupportedException($"{typeof(T).Name}.{filled.Name} is filled by the database or EF; save it through EF.");
        columns = [.. written.Select(p => (p, (RelationalTypeMapping)p.GetRelationalTypeMapping()))];
        var names = db.GetService<ISqlGenerationHelper>();
        sql = $"INSERT INTO {names.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", written.Select(p => names.DelimitIdentifier(p.GetColumnName(table)!)))}) " +
              $"VALUES ({string.Join(", ", written.Select((_, i) => "@p" + i))})" + (skipTaken ? " ON CONFLICT DO NOTHING" : "") +
              (generatedKey is null ? "" : $" RETURNING {names.DelimitIdentifier(generatedKey.GetColumnName(table)!)}");
    }

    /// <summary>Writes the row; a key the database generates is set on <paramref name="row"/>. False when it was left out as taken.</summary>
    public async Task<bool> AddAsync(T row, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        // Held open until the context goes (or its owner closes it): a prepared statement lives with its connection.
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        if (command is null || command.Connection != connection)
        {
            command?.Dispose();
            command = connection.CreateCommand();
            command.CommandText = sql;
        }
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.Parameters.Clear();
        for (var i = 0; i < columns.Length; i++)
        {
            var (property, mapping) = columns[i];
            command.Parameters.Add(mapping.CreateParameter(command, "@p" + i, property.GetGetter().GetClrValueUsingContainingEntity(row), property.IsNullable));
        }
        if (generatedKey is null) return await command.ExecuteNonQueryAsync(ct) > 0;
        // No id back: the row was left out as taken (an error would have thrown).
        var id = await command.ExecuteScalarAsync(ct);
        if (id is null or DBNull) return false;
        generatedKey.PropertyInfo!.SetValue(row, Convert.ChangeType(id, generatedKey.ClrType, System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }

    public void Dispose() => command?.Dispose();
}
