using Microsoft.Data.Sqlite;
using Npgsql;

namespace Broadsheet.Infrastructure.Data.Faults;

/// <summary>
/// The one database error some writes expect: two requests racing to insert the same key, where the
/// loser learns that the winner's row is there. Recognised by the constraint error itself, so a
/// full disk or a broken connection is never mistaken for it.
/// </summary>
public static class DuplicateKey
{
    private const int SqliteConstraint = 19, SqliteUnique = 2067, SqlitePrimaryKey = 1555;

    public static bool IsViolation(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite when (sqlite.SqliteErrorCode & 0xFF) == SqliteConstraint:
                    return sqlite.SqliteExtendedErrorCode is SqliteUnique or SqlitePrimaryKey;
                case PostgresException postgres:
                    return postgres.SqlState == PostgresErrorCodes.UniqueViolation;
            }
        }
        return false;
    }
}
