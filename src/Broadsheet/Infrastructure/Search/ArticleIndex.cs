using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Index;
using Lucene.Net.Search;
using LuceneDirectory = Lucene.Net.Store.Directory;
using FSDirectory = Lucene.Net.Store.FSDirectory;

namespace Broadsheet.Infrastructure.Search;

/// <summary>
/// The Lucene index in the data folder: one writer for the process and near-real-time
/// searchers over it. A missing or unreadable index is replaced by an empty one that says it
/// <see cref="NeedsRebuild"/>; searches keep answering from whatever it holds meanwhile.
/// </summary>
public sealed class ArticleIndex(string path, ILogger log) : IDisposable
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

    public ArticleIndex(BroadsheetOptions options, ILogger<ArticleIndex> log) : this(Path.Combine(options.DataPath, "search-index"), log) { }

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
                Close();
                StartEmpty();
            }
            opened = true;
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
        directory = FSDirectory.Open(path);
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
        directory = FSDirectory.Open(path);
        OpenWriter(OpenMode.CREATE);
        writer!.Commit();
        NeedsRebuild = true;
    }

    private void OpenWriter(OpenMode mode)
    {
        var config = new IndexWriterConfig(NewsAnalyzer.Version, Analyzer) { OpenMode = mode, RAMBufferSizeMB = 64 };
        writer = new IndexWriter(directory, config);
        searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
    }

    public T Search<T>(Func<IndexSearcher, T> work)
    {
        Open();
        var searcher = searchers!.Acquire();
        try { return work(searcher); }
        finally { searchers.Release(searcher); }
    }

    public void Put(IndexedArticle article)
    {
        Open();
        writer!.UpdateDocument(ArticleDocument.IdTerm(article.Id), ArticleDocument.From(article));
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

    private void Close()
    {
        opened = false;
        searchers?.Dispose();
        writer?.Dispose();
        directory?.Dispose();
        (searchers, writer, directory) = (null, null, null);
    }

    public void Dispose()
    {
        lock (gate)
        {
            Close();
            processLock?.Dispose();
            processLock = null;
        }
    }
}
