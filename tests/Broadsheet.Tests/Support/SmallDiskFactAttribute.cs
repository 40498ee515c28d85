namespace Broadsheet.Tests.Support;

/// <summary>A test on a real, small filesystem (<see cref="SmallDisk"/>) under a SQLite file; skipped, saying why, where none can be mounted.</summary>
public sealed class SmallDiskFactAttribute : FactAttribute
{
    public SmallDiskFactAttribute()
    {
        if (TestDatabase.OnPostgres) Skip = "About the SQLite file on a full disk; this pass runs on PostgreSQL.";
        else if (SmallDisk.WhyNot is { } reason) Skip = "No small filesystem to fill: " + reason;
    }
}
