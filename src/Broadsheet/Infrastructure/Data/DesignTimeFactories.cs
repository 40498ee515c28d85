using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Broadsheet.Infrastructure.Data;

/// <summary>Used only by `dotnet ef migrations add`; no server is contacted.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteBroadsheetDb>
{
    public SqliteBroadsheetDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteBroadsheetDb>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresBroadsheetDb>
{
    public PostgresBroadsheetDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresBroadsheetDb>().UseNpgsql("Host=localhost;Database=broadsheet_design").Options);
}
