namespace Broadsheet.Tests.Support;

/// <summary>A test about the SQLite embedded default; skipped in test.sh's PostgreSQL pass.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestDatabase.OnPostgres) Skip = "About the SQLite file; this pass runs on PostgreSQL.";
    }
}
