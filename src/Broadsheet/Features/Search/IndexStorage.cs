using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Broadsheet.Features.Search;

/// <summary>
/// Where the index's files are written: the data folder's file system. A service of its own so that
/// a test can put a Lucene directory in between that fails as a full disk does, and watch the index recover.
/// </summary>
public sealed class IndexStorage(Func<string, LuceneDirectory> open)
{
    public static readonly IndexStorage Files = new(path => Lucene.Net.Store.FSDirectory.Open(path));

    public LuceneDirectory Open(string path) => open(path);
}
