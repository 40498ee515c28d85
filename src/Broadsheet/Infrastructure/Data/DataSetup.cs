using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Infrastructure.Data;

public static class DataSetup
{
    public static IServiceCollection AddBroadsheetData(this IServiceCollection services, IConfiguration configuration, BroadsheetOptions options)
    {
        if (options.OnPostgres)
        {
            var connection = configuration.GetConnectionString("Broadsheet")
                ?? throw new InvalidOperationException("Broadsheet:Database is postgres but ConnectionStrings:Broadsheet is not set.");
            var replica = configuration.GetConnectionString("BroadsheetReplica");
            if (string.IsNullOrWhiteSpace(replica))
            {
                services.AddDbContextPool<PostgresBroadsheetDb>(o => o.UseNpgsql(connection));
            }
            else
            {
                // Chosen per request, so no pool: a pooled context keeps the connection string it was made with.
                services.AddHttpContextAccessor();
                services.AddDbContext<PostgresBroadsheetDb>((sp, o) => o.UseNpgsql(
                    ReplicaRouting.MayReadFromReplica(sp.GetRequiredService<IHttpContextAccessor>().HttpContext) ? replica : connection));
            }
            services.AddScoped<BroadsheetDb>(sp => sp.GetRequiredService<PostgresBroadsheetDb>());
        }
        else
        {
            Directory.CreateDirectory(options.DataPath);
            var connection = SqliteConnectionString(options.DataPath);
            services.AddDbContextPool<SqliteBroadsheetDb>(o => o.UseSqlite(connection));
            services.AddScoped<BroadsheetDb>(sp => sp.GetRequiredService<SqliteBroadsheetDb>());
        }
        return services;
    }

    public static string SqliteConnectionString(string dataPath) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataPath, "broadsheet.db"),
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>Creates or upgrades the schema. WAL lets readers go on while the newsroom or the view counter writes.</summary>
    public static async Task MigrateAsync(BroadsheetDb db, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}
