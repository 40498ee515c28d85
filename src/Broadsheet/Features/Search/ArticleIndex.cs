using Broadsheet.Infrastructure;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Broadsheet.Features.Search;

/// <summary>
/// The Lucene index in the data folder: one writer for the process and near-real-time
/// searchers over it. A missing or unreadable index is replaced by an empty one that says it
/// <see cref="NeedsRebuild"/>; searches keep answering from whatever it holds meanwhile.
/// A write that fails (a full disk) leaves the writer rolled back by <see cref="Recover"/> to the
/// last commit, which the indexer then brings up to date again.
/// </summary>
public sealed class ArticleIndex(string path, IndexStorage storage, ILogger log) : IDisposable
{
    public static readonly PerFieldAnalyzerWrapper Analyzer = new(NewsAnalyzer.English, new Dictionary<string, Lucene.Net.Analysis.Analyzer>
    {
        [ArticleDocument.TitleRu] = NewsAnalyzer.Russian,
        [ArticleDocument.TextRu] = NewsAnalyzer.Russian,
    });

    private readonly Lock gate = new();
    private LuceneDirectory? directory;
    private IndexWriter? writer;
    private SearcherManager? searchers;
    private FileStream? processLock;

    // Set last, under the lock: a search racing the worker at startup must not see a writer without its searchers.
    private volatile bool opened;

    public ArticleIndex(BroadsheetOptions options, IndexStorage storage, ILogger<ArticleIndex> log)
        : this(Path.Combine(options.DataPath, "search-index"), storage, log) { }

    public string Folder => path;

    /// <summary>Written before a rebuild of an empty index and removed after it, so a rebuild cut short is started again.</summary>
    private string RebuildMarker => path + ".rebuilding";

    public bool NeedsRebuild { get; private set; }

    public void Open()
    {
        if (opened) return;
        lock (gate)
        {
            if (opened) return;
            TakeProcessLock();
            try
            {
                OpenExisting();
            }
            catch (Exception e) when (e is IOException or CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException or InvalidOperationException)
            {
                log.LogWarning(e, "The search index at {Path} cannot be read; starting an empty one and rebuilding it from the database", path);
                Close(rollback: true);
                StartEmpty();
            }
            opened = true;
        }
    }

    /// <summary>
    /// After a failed write: throws away what was not committed and opens the last commit again. A writer
    /// that hit a full disk may have applied an update's delete without its add, so it is not trusted to go on.
    /// </summary>
    public void Recover()
    {
        lock (gate)
        {
            Close(rollback: true);
            Open();
        }
    }

    /// <summary>
    /// One writer per index, across processes too: Lucene.Net's own write.lock did not keep
    /// a second process (a <c>reindex</c> run beside the site) out on Linux, and two writers ruin an index.
    /// </summary>
    private void TakeProcessLock()
    {
        if (processLock is not null) return;
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            processLock = new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new Lucene.Net.Store.LockObtainFailedException($"The search index at {path} is open in another process", e);
        }
    }

    private void OpenExisting()
    {
        if (!System.IO.Directory.Exists(path) || File.Exists(RebuildMarker))
        {
            StartEmpty();
            return;
        }
        directory = storage.Open(path);
        if (!DirectoryReader.IndexExists(directory)) throw new CorruptIndexException($"no index in {path}");
        // Reading every segment's header here is what turns a damaged index into an exception now, not on the first search.
        using (DirectoryReader.Open(directory)) { }
        OpenWriter(OpenMode.APPEND);
    }

    private void StartEmpty()
    {
        if (System.IO.Directory.Exists(path)) System.IO.Directory.Delete(path, recursive: true);
        System.IO.Directory.CreateDirectory(path);
        File.WriteAllText(RebuildMarker, "");
        directory = storage.Open(path);
        OpenWriter(OpenMode.CREATE);
        writer!.Commit();
        NeedsRebuild = true;
    }

    private void OpenWriter(OpenMode mode)
    {
        // Lucene's own default buffer: 64 MB held a rebuild of 100,000 articles at 414 MB of RSS, 16 MB at 302 MB and
        // 6 % less CPU (the extra small merges cost less than the collector spent on the larger buffer).
        var config = new IndexWriterConfig(NewsAnalyzer.Version, Analyzer) { OpenMode = mode, RAMBufferSizeMB = 16, MergeScheduler = new LoggedMerges(log) };
        writer = new IndexWriter(directory, config);
        searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
    }

    public T Search<T>(Func<IndexSearcher, T> work)
    {
        SearcherManager manager;
        IndexSearcher searcher;
        // Under the lock: Recover swaps the searchers, and a disposed manager refuses to hand one out.
        lock (gate)
        {
            Open();
            manager = searchers!;
            searcher = manager.Acquire();
        }
        try { return work(searcher); }
        finally { manager.Release(searcher); }
    }

    /// <summary>Every article the index holds with the version it was indexed at; null when a document has none (indexed before stamps).</summary>
    public Dictionary<int, Guid>? Stamps() => Search(searcher =>
    {
        var stamps = new Dictionary<int, Guid>();
        var bytes = new BytesRef();
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var reader = leaf.AtomicReader;
            var values = reader.GetBinaryDocValues(ArticleDocument.Stamp);
            var live = reader.LiveDocs;
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc)) continue;
                if (values is null) return null;
                values.Get(doc, bytes);
                if (ArticleDocument.ReadStamp(bytes) is not { } stamp) return null;
                stamps[stamp.ArticleId] = stamp.Version;
            }
        }
        return stamps;
    });

    public void Put(IndexedArticle article)
    {
        Open();
        writer!.UpdateDocument(ArticleDocument.IdTerm(article.Id), ArticleDocument.From(article));
    }

    /// <summary>For a rebuild, into an index emptied first: no older copy to replace, so no lookup of one. Safe on several threads.</summary>
    public void Add(IndexedArticle article)
    {
        Open();
        writer!.AddDocument(ArticleDocument.From(article));
    }

    public void Remove(int articleId)
    {
        Open();
        writer!.DeleteDocuments(ArticleDocument.IdTerm(articleId));
    }

    /// <summary>Drops every document; readers see it only at the next <see cref="Publish"/>.</summary>
    public void Clear()
    {
        Open();
        writer!.DeleteAll();
    }

    /// <summary>Makes the changes so far visible to searches, and durable when <paramref name="commit"/>.</summary>
    public void Publish(bool commit = true)
    {
        Open();
        if (commit) writer!.Commit();
        searchers!.MaybeRefreshBlocking();
    }

    public void MarkRebuilt()
    {
        Publish();
        File.Delete(RebuildMarker);
        NeedsRebuild = false;
    }

    private void Close(bool rollback)
    {
        opened = false;
        searchers?.Dispose();
        if (writer is not null && !rollback)
        {
            // Everything the indexer wrote is committed already; a close that cannot write (a full disk) loses nothing.
            try { writer.Dispose(); }
            catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
            {
                log.LogWarning(e, "The search index at {Path} did not close cleanly; its last commit stands", path);
                rollback = true;
            }
        }
        if (writer is not null && rollback)
        {
            try { writer.Rollback(); }
            catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
            {
                log.LogWarning(e, "The search index writer at {Path} could not roll back", path);
            }
        }
        directory?.Dispose();
        (searchers, writer, directory) = (null, null, null);
    }

    public void Dispose()
    {
        lock (gate)
        {
            Close(rollback: false);
            processLock?.Dispose();
            processLock = null;
        }
    }

    /// <summary>
    /// A background merge that fails (a full disk) is logged, not thrown: thrown on Lucene's merge thread it
    /// would end the process. The merge is simply tried again later; the committed index is untouched.
    /// </summary>
    private sealed class LoggedMerges(ILogger log) : ConcurrentMergeScheduler
    {
        protected override void HandleMergeException(Exception exc)
        {
            try { base.HandleMergeException(exc); }
            catch (Exception e)
            {
                log.LogWarning(e, "A background merge of the search index failed; it will be tried again");
            }
        }
    }
}
