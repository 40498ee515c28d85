using Broadsheet.Features.Articles;
using Broadsheet.Features.Articles.History;
using Broadsheet.Features.Comments;
using Broadsheet.Infrastructure.Data;

namespace Broadsheet.Features.Import;

/// <summary>
/// The rows an import adds new, each kind through its own prepared statement: at archive scale EF's SaveChanges
/// cost three times what the database spends storing them (bench/import.sh, docs/PERFORMANCE.md). What an import
/// updates (an entry changed in a newer export) still goes through EF and <see cref="ArticleHistory"/>.
/// </summary>
internal sealed class ImportRows(BroadsheetDb db) : IDisposable
{
    public PreparedInsert<Article> Articles { get; } = new(db);
    public PreparedInsert<Revision> Revisions { get; } = new(db);
    public PreparedInsert<ArticleAuthor> Bylines { get; } = new(db);
    public PreparedInsert<ArticleRubric> Rubrics { get; } = new(db);
    public PreparedInsert<ArticleTag> Tags { get; } = new(db);
    public PreparedInsert<Comment> Comments { get; } = new(db);
    public PreparedInsert<ImportedItem> Items { get; } = new(db);

    /// <summary>An old address already kept (by an earlier run, or another entry of this one) keeps its first target.</summary>
    public PreparedInsert<ImportedLink> Links { get; } = new(db, skipTaken: true);

    public void Dispose()
    {
        foreach (var writer in new IDisposable[] { Articles, Revisions, Bylines, Rubrics, Tags, Comments, Items, Links }) writer.Dispose();
    }
}
