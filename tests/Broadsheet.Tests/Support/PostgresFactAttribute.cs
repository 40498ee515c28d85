namespace Broadsheet.Tests.Support;

/// <summary>A test about several nodes over PostgreSQL and Redis: it runs in test.sh's PostgreSQL pass, where both servers are up.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabase.OnPostgres) Skip = "Runs with BROADSHEET_TEST_DATABASE=postgres (test.sh starts PostgreSQL and Redis for it).";
    }
}
