using Broadsheet.Features.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Search;

/// <summary>
/// The index folder on a disk that can be made full: while <see cref="Full"/>, creating or syncing a file
/// fails as Linux does when the disk has no room, and reading goes on as before.
/// </summary>
public sealed class FillingDisk
{
    private volatile bool full;

    public bool Full
    {
        get => full;
        set => full = value;
    }

    /// <summary>Puts this disk under the app's search index.</summary>
    public void Install(IServiceCollection services) =>
        services.AddSingleton(new IndexStorage(path => new Folder(FSDirectory.Open(path), this)));

    private void ThrowIfFull(string file)
    {
        if (full) throw new IOException($"No space left on device : '{file}'");
    }

    private sealed class Folder(Lucene.Net.Store.Directory files, FillingDisk disk) : FilterDirectory(files)
    {
        public override IndexOutput CreateOutput(string name, IOContext context)
        {
            disk.ThrowIfFull(name);
            return base.CreateOutput(name, context);
        }

        public override void Sync(ICollection<string> names)
        {
            disk.ThrowIfFull(string.Join(", ", names));
            base.Sync(names);
        }
    }
}
