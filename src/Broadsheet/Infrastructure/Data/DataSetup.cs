using Broadsheet.Infrastructure.Data.Faults;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Broadsheet.Infrastructure.Data;

public static class DataSetup
{
    public static IServiceCollection AddBroadsheetData(this IServiceCollection services, IConfiguration configuration, BroadsheetOptions options)
    {
        services.AddSingleton<WriteOutage>();
        services.AddSingleton<IInterceptor, WriteOutageWatch>();
        if (!options.OnPostgres)
        {
            SqliteLibrary.Configure();
            services.AddSingleton<IInterceptor, SqliteDurability>();
            services.AddSingleton<IInterceptor, SqliteLimitsInlined>();
            services.AddSingleton<SqliteStatementShelf>();
        }
        if (options.OnPostgres)
        {
            var connection = configuration.GetConnectionString("Broadsheet")
                ?? throw new InvalidOperationException("Broadsheet:Database is postgres but ConnectionStrings:Broadsheet is not set.");
            var replica = configuration.GetConnectionString("BroadsheetReplica");
            if (string.IsNullOrWhiteSpace(replica))
            {
                services.AddDbContextPool<PostgresBroadsheetDb>((sp, o) => Watched(sp, o.UseNpgsql(connection)));
            }
            else
            {
                // Chosen per request, so no pool: a pooled context keeps the connection string it was made with.
                services.AddHttpContextAccessor();
                services.AddDbContext<PostgresBroadsheetDb>((sp, o) => Watched(sp, o.UseNpgsql(
                    ReplicaRouting.MayReadFromReplica(sp.GetRequiredService<IHttpContextAccessor>().HttpContext) ? replica : connection)));
            }
            services.AddScoped<BroadsheetDb>(sp => sp.GetRequiredService<PostgresBroadsheetDb>());
        }
        else
        {
            Directory.CreateDirectory(options.DataPath);
            var connection = SqliteConnectionString(options.DataPath);
            // A table rebuild turns foreign keys off around its transaction (SQLite ignores the pragma inside one), and
            // EF warns of any statement run outside the migration's transaction, its own rebuilds' included
            // (dotnet/efcore#35871). The pragma changes no data, so a first start should not greet the operator with it.
            // The shelf comes after every other interceptor, a test's too, so a command it runs is one none of them stopped.
            services.AddDbContextPool<SqliteBroadsheetDb>((sp, o) => SqliteConnectionKeptOpen.For(Watched(sp, o.UseSqlite(connection))
                    .AddInterceptors(sp.GetRequiredService<SqliteStatementShelf>()))
                .ConfigureWarnings(w => w.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Debug))));
            services.AddScoped<BroadsheetDb>(sp => sp.GetRequiredService<SqliteBroadsheetDb>());
        }
        return services;
    }

    /// <summary>
    /// The app's interceptors (and a test's, registered the same way), and EF's own error lines made
    /// quiet: a failed command's exception reaches whoever answers or logs it (the error handler, a
    /// job's catch), and during a storage outage <see cref="WriteOutage"/> logs once, not per command. The same
    /// for a connection that cannot be opened, which also spares a first start on PostgreSQL an error line
    /// for the database that migrating is about to create.
    /// </summary>
    private static DbContextOptionsBuilder Watched(IServiceProvider services, DbContextOptionsBuilder options) =>
        options.AddInterceptors(services.GetServices<IInterceptor>())
            .ConfigureWarnings(w => w.Log((RelationalEventId.CommandError, LogLevel.Debug), (RelationalEventId.ConnectionError, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug)));

    public static string SqliteConnectionString(string dataPath) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataPath, "broadsheet.db"),
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>Creates or upgrades the schema. On SQLite, <see cref="SqliteDurability"/> has put every connection in WAL mode already.</summary>
    public static async Task MigrateAsync(BroadsheetDb db, CancellationToken ct = default)
    {
        // EF's Migrate first diffs the whole model against the migrations' snapshot (0.3–0.4 s of every start, before
        // the server listens); with nothing to apply it guards nothing, and MigrationsTests keeps the snapshot honest.
        // Migrate asks again under its own lock, so two nodes starting together on an old schema stay safe.
        if (!(await db.Database.GetPendingMigrationsAsync(ct)).Any()) return;
        await db.Database.MigrateAsync(ct);
    }
}
