using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Broadsheet.Features.Search;

/// <summary>
/// Where the index's files are written: the data folder's file system. A service of its own so that
/// a test can put a Lucene directory in between that fails as a full disk does, and watch the index recover.
/// </summary>
public sealed class IndexStorage(Func<string, LuceneDirectory> open)
{
    public static readonly IndexStorage Files = new(path => Lucene.Net.Store.FSDirectory.Open(path));

    /// <summary>
    /// For the commands (<c>reindex</c>, the import's rebuild), where nobody searches: segments are read back for
    /// merging with positional reads instead of memory maps. A mapped segment's pages count in the process's RSS
    /// while a merge reads it: +145 MB for a moment at 300,000 articles, the peak of a whole import.
    /// </summary>
    public static readonly IndexStorage Streamed = new(path => new Lucene.Net.Store.NIOFSDirectory(path));

    public LuceneDirectory Open(string path) => open(path);
}
