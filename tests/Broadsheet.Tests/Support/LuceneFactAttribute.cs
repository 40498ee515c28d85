namespace Broadsheet.Tests.Support;

/// <summary>A test about the Lucene index in the data folder, which search uses on SQLite; on PostgreSQL the database searches itself.</summary>
public sealed class LuceneFactAttribute : FactAttribute
{
    public LuceneFactAttribute()
    {
        if (TestDatabase.OnPostgres) Skip = "About the Lucene index; this pass runs on PostgreSQL, where search is PostgreSQL full-text search.";
    }
}
