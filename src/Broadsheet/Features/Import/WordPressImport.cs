using System.Data.Common;
using System.Security.Claims;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Articles.History;
using Broadsheet.Features.Audit;
using Broadsheet.Features.Comments;
using Broadsheet.Features.Newsroom.Media;
using Broadsheet.Features.Newsroom.Workflow;
using Broadsheet.Features.Pages;
using Broadsheet.Features.Search;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Broadsheet.Infrastructure.Mail;
using Broadsheet.Infrastructure.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Broadsheet.Features.Import;

/// <summary>
/// Brings a WordPress export in, entry by entry, each all or nothing: an entry that fails leaves nothing behind
/// and the run goes on. Entries share a transaction in batches of <see cref="BatchSize"/>, each inside a savepoint
/// of its own, so a failed entry is rolled back alone while the disk is synced once a batch, not once an entry.
/// The file is read twice, streaming: first the people, the categories, tags and pictures, then the posts that
/// name them (an export may list a post before its featured image). Each entry is remembered in
/// <see cref="ImportedItem"/>, so a second run changes nothing and a newer export changes only what changed.
/// The mapping is in docs/features/import.md.
/// </summary>
public sealed partial class WordPressImport(
    BroadsheetDb db, AuditLog audit, ArticleBody articleBody, ImageIntake intake, SiteSettingsStore settings, SitePageAddress pageAddresses,
    SiteWords siteWords, TimeProvider clock)
{
    public const string ImportedBy = "WordPress import";

    /// <summary>
    /// Entries (a post, a comment, a tag) a commit: SQLite syncs the disk on each commit, which alone held the
    /// import to a few entries a second, and writes again each index page the commit touched. Measured in
    /// bench/import.sh: with the run's rarer checkpoints, 4,000 took 100,000 posts from 100 to 88 s (1,000 before).
    /// </summary>
    public const int BatchSize = 4000;

    private const string EntrySavepoint = "import_entry";

    private static readonly ClaimsPrincipal Importer = new(new ClaimsIdentity([new Claim(ClaimTypes.Name, ImportedBy)], "import"));
    private static readonly HtmlParser Html = new();

    // Changes are announced once, at the end (search index, caches), not per article: a quiet history.
    private ArticleHistory? history;
    private ArticleHistory History => history ??= new ArticleHistory(db, audit,
        new ArticleChanges([], new Infrastructure.Redis.RedisLink(null), NullLogger<ArticleChanges>.Instance), clock);

    private readonly Dictionary<string, int> authors = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (int Id, string Parent)> rubrics = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> tags = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<long, MediaItem> media = [];
    private readonly Dictionary<string, string> pictures = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string?> accounts = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>A dry run's old addresses, those here before it and those it would add; a real run asks the table's unique index instead.</summary>
    private HashSet<string> dryRunLinks = [];
    private readonly List<ImportedItem> pendingItems = [];
    private readonly List<ImportedLink> newLinks = [];
    private ImportRows? rows;
    private ImportRows Rows => rows ??= new ImportRows(db);
    private SiteContext site = null!;
    private ImportReport report = null!;
    private Uploads? uploads;
    private string siteLink = "";
    private int position;
    private IDbContextTransaction? batch;
    private int inBatch;

    /// <param name="open">Opens the export from its start; called once for each of the two passes.</param>
    /// <param name="progress">Told after each entry, and with the pass's share of the file read.</param>
    public async Task<ImportReport> RunAsync(Func<Stream> open, Uploads? uploadsSource, bool dryRun, Action<ImportReport, double>? progress, CancellationToken ct)
    {
        report = new ImportReport(dryRun);
        uploads = uploadsSource;
        site = await settings.GetAsync(ct);
        if (dryRun) dryRunLinks = [.. await db.ImportedLinks.AsNoTracking().Select(l => l.Path).ToListAsync(ct)];
        position = await db.Rubrics.Select(r => (int?)r.Position).MaxAsync(ct) ?? 0;
        if (uploads is null) report.Warn("No uploads folder or zip was given: pictures stay pointing at the old site, and no media was imported.");

        // The import keeps its own savepoints, one an entry; EF's, one a save, would double the statements.
        db.Database.AutoSavepointsEnabled = false;
        // One connection for the whole run: its statements stay prepared and its page cache stays warm.
        await db.Database.OpenConnectionAsync(ct);
        await ArchiveSettingsAsync(on: true, ct);
        try
        {
            for (var pass = 1; pass <= 2; pass++)
            {
                await using var stream = open();
                var reader = new WxrReader(stream) { AttachmentsOnly = pass == 1 };
                double Share() => (pass - 1 + (stream.CanSeek && stream.Length > 0 ? (double)stream.Position / stream.Length : 0)) / 2;
                using var entries = reader.Read().GetEnumerator();
                while (true)
                {
                    bool more;
                    // A file that breaks off keeps what was read before the break, the posts waiting in the look-ahead too.
                    try { more = entries.MoveNext(); }
                    catch (WxrException) { await AheadAsync(progress, Share(), ct); throw; }
                    if (!more) break;
                    siteLink = reader.Site.Link;
                    if (pass == 1)
                    {
                        await (entries.Current switch
                        {
                            WxrAuthor a => AuthorAsync(a, ct),
                            WxrTerm { IsCategory: true } c => CategoryAsync(c, ct),
                            WxrTerm t => TagAsync(t, ct),
                            WxrPost { Type: "attachment" } p => AttachmentAsync(p, ct),
                            _ => Task.CompletedTask,
                        });
                        await EntryDoneAsync(progress, Share(), ct);
                    }
                    else if (entries.Current is WxrPost post && post.Type != "attachment")
                    {
                        ahead.Add(post);
                        if (ahead.Count >= LookAhead) await AheadAsync(progress, Share(), ct);
                    }
                }
                await AheadAsync(progress, Share(), ct);
            }
            await CommitBatchAsync(ct);
        }
        catch
        {
            // A broken file or a cancelled run: the entries finished before it stay, as each was whole.
            if (batch is not null) await CommitBatchAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = true;
            rows?.Dispose();
            rows = null;
            // A run that failed on its connection (a full disk) says so; setting the defaults back must not hide that.
            try { await ArchiveSettingsAsync(on: false, CancellationToken.None); }
            catch (DbException) { }
            await db.Database.CloseConnectionAsync();
            FreedMemory.GiveBack();
        }
        if (!dryRun && !report.ChangedNothing)
        {
            audit.Record(Importer, "import", details: $"WordPress export: {report.Imported.Values.Sum()} imported, {report.Updated.Values.Sum()} updated");
            await db.SaveChangesAsync(ct);
            // The quiet history told no one of each article; the word list that corrects typos in searches is read
            // again once, now (other nodes, and a site running beside the command, read it again within minutes).
            await siteWords.ArticleChangedAsync(0, ct);
        }
        return report;
    }

    /// <summary>
    /// For the run, the import's SQLite connection keeps a 64 MB page cache (an archive's indexes of comments, map rows
    /// and old addresses outgrow the default 2 MB within minutes, and each insert then reads its index pages back, a
    /// system call a page), its statement journal in memory (inside a savepoint every page an entry touches is first
    /// copied there, to a temporary file by default) and a checkpoint every 64 MB of log instead of 4 MB. All are set
    /// back after: pooled connections keep their settings.
    /// </summary>
    private async Task ArchiveSettingsAsync(bool on, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return;
        await db.Database.ExecuteSqlRawAsync(on
            ? "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=16384"
            : "PRAGMA cache_size=-2000; PRAGMA temp_store=DEFAULT; PRAGMA wal_autocheckpoint=1000", ct);
    }

    /// <summary>Nothing read for one entry is needed by the next: tracking it all would grow with the file.</summary>
    private async Task EntryDoneAsync(Action<ImportReport, double>? progress, double share, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (inBatch >= BatchSize) await CommitBatchAsync(ct);
        progress?.Invoke(report, share);
    }

    private Task Skip(string reason)
    {
        report.Count(report.Skipped, reason);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The entry's row in the map when it was imported before: unchanged (same hash) it needs nothing more;
    /// changed, the caller updates what it made.
    /// </summary>
    private Task<ImportedItem?> KnownAsync(string kind, long sourceId, CancellationToken ct) =>
        knownAhead.TryGetValue((kind, sourceId), out var known) ? Task.FromResult(known)
            : db.ImportedItems.AsNoTracking().FirstOrDefaultAsync(i => i.Kind == kind && i.SourceId == sourceId, ct);

    /// <summary>
    /// Runs one entry's writes inside a savepoint of the batch's transaction; a failure rolls back to it (nothing
    /// of the entry stays, its neighbours in the batch do), is reported, and the run goes on. What the entry
    /// tracked is let go either way, so memory stays flat however long the export. With <paramref name="what"/>
    /// null the failure is not reported: the caller tries the entries again one by one.
    /// </summary>
    private async Task<bool> WithinTransactionAsync(string? what, Func<Task> work, CancellationToken ct)
    {
        batch ??= await db.Database.BeginTransactionAsync(ct);
        await batch.CreateSavepointAsync(EntrySavepoint, ct);
        inBatch++;
        pendingItems.Clear();
        newLinks.Clear();
        try
        {
            await work();
            await db.SaveChangesAsync(ct);
            // The map rows and old addresses an entry leaves are always there, and never changed once written: not worth EF's tracking.
            foreach (var item in pendingItems.Where(i => i.Id == 0)) await Rows.Items.AddAsync(item, ct);
            var redirects = 0;
            foreach (var link in newLinks)
                if (await Rows.Links.AddAsync(link, ct)) redirects++;
            await batch.ReleaseSavepointAsync(EntrySavepoint, ct);
            report.Redirects += redirects;
            // Written: a later entry of the same look-ahead (the same post twice in one export) finds it.
            foreach (var item in pendingItems) knownAhead[(item.Kind, item.SourceId)] = item;
            return true;
        }
        catch (Exception e) when (e is DbUpdateException or DbException or InvalidOperationException or IOException or ArgumentException or FormatException)
        {
            await UndoEntryAsync(ct);
            if (what is not null) report.Fail($"{what}: {e.GetBaseException().Message}");
            return false;
        }
        catch
        {
            await UndoEntryAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task UndoEntryAsync(CancellationToken ct)
    {
        // PostgreSQL refuses every statement after a failed one until the rollback; SQLite keeps the savepoint
        // after rolling back to it, so it is released too.
        await batch!.RollbackToSavepointAsync(EntrySavepoint, ct);
        await batch.ReleaseSavepointAsync(EntrySavepoint, ct);
        db.ChangeTracker.Clear();
        newLinks.Clear();
    }

    private async Task CommitBatchAsync(CancellationToken ct)
    {
        if (batch is not { } done) return;
        batch = null;
        inBatch = 0;
        try { await done.CommitAsync(ct); }
        finally { await done.DisposeAsync(); }
    }

    private void Remember(ImportedItem? known, string kind, WxrEntry entry, long targetId)
    {
        if (known is null)
        {
            known = new ImportedItem
            {
                Kind = kind, SourceId = entry.SourceId, TargetId = targetId, Fingerprint = entry.Fingerprint,
                ImportedAt = clock.GetUtcNow().UtcDateTime,
            };
        }
        else
        {
            // A copy: the look-ahead's row stays as it was if this entry fails.
            known = new ImportedItem
            {
                Id = known.Id, Kind = known.Kind, SourceId = known.SourceId, TargetId = targetId, Fingerprint = entry.Fingerprint,
                ImportedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.ImportedItems.Update(known);
        }
        pendingItems.Add(known);
    }

    private void Redirect(string oldAddress, string kind, long targetId)
    {
        var path = oldAddress;
        if (siteLink.Length > 0 && path.StartsWith(siteLink, StringComparison.OrdinalIgnoreCase)) path = path[siteLink.Length..];
        else if (Uri.TryCreate(path, UriKind.Absolute, out var uri)) path = uri.PathAndQuery;
        var key = ImportedLink.Key(path.StartsWith('/') || path.StartsWith('?') ? path : "/" + path);
        if (key is "/" or "") return;
        if (!report.DryRun) newLinks.Add(new ImportedLink { Path = key, Kind = kind, TargetId = targetId });
        else if (dryRunLinks.Add(key)) report.Redirects++;
    }

    private async Task AuthorAsync(WxrAuthor source, CancellationToken ct)
    {
        var known = await KnownAsync(ImportKind.Author, source.SourceId, ct);
        if (known is not null && known.Fingerprint == source.Fingerprint)
        {
            authors[source.Login] = (int)known.TargetId;
            report.Count(report.Unchanged, "authors");
            return;
        }
        var name = source.DisplayName.Length > 0 ? source.DisplayName : source.Login;
        if (report.DryRun) { report.Count(known is null ? report.Imported : report.Updated, "authors"); return; }
        Author? author = null;
        var done = await WithinTransactionAsync($"author {source.Login}", async () =>
        {
            author = known is null ? null : await db.Authors.FindAsync([(int)known.TargetId], ct);
            if (author is null)
            {
                // A byline, not an account: the person signs in only once the newsroom invites them.
                author = new Author { Name = name, Slug = await FreeAuthorSlugAsync(source.Login.Length > 0 ? source.Login : name, ct) };
                db.Authors.Add(author);
            }
            author.Name = name;
            if (Cyrillic().IsMatch(name)) author.NameRu = name; else author.NameEn = name;
            await db.SaveChangesAsync(ct);
            Remember(known, ImportKind.Author, source, author.Id);
            Redirect($"/author/{source.Login}", "author", author.Id);
        }, ct);
        if (!done) return;
        authors[source.Login] = author!.Id;
        report.Count(known is null ? report.Imported : report.Updated, "authors");
    }

    private async Task<string> FreeAuthorSlugAsync(string name, CancellationToken ct)
    {
        var baseSlug = Slug.From(name) is { Length: > 0 } s ? s : "author";
        var slug = baseSlug;
        for (var n = 2; await db.Authors.AnyAsync(a => a.Slug == slug, ct); n++) slug = $"{baseSlug}-{n}";
        return slug;
    }

    private async Task CategoryAsync(WxrTerm source, CancellationToken ct)
    {
        var wpSlug = Decode(source.Slug);
        // WordPress's own default, which every post without a section falls into; no paper has such a rubric.
        if (source.Slug == "uncategorized") { await Skip("WordPress's default category \"Uncategorized\""); return; }
        var known = await KnownAsync(ImportKind.Category, source.SourceId, ct);
        if (known is not null && known.Fingerprint == source.Fingerprint)
        {
            rubrics[wpSlug] = ((int)known.TargetId, Decode(source.Parent));
            report.Count(report.Unchanged, "rubrics");
            return;
        }
        if (report.DryRun) { report.Count(known is null ? report.Imported : report.Updated, "rubrics"); return; }
        Rubric? rubric = null;
        var done = await WithinTransactionAsync($"category {source.Name}", async () =>
        {
            var slug = SlugFor(wpSlug, source.Name, "rubric");
            rubric = known is null ? null : await db.Rubrics.FindAsync([(int)known.TargetId], ct);
            // A rubric of the same address already here is the same section: the archive joins it.
            rubric ??= await db.Rubrics.FirstOrDefaultAsync(r => r.Slug == slug, ct);
            if (rubric is null)
            {
                rubric = new Rubric { Slug = slug, Name = source.Name, Position = ++position };
                db.Rubrics.Add(rubric);
            }
            rubric.Name = source.Name;
            rubric.Description = source.Description;
            await db.SaveChangesAsync(ct);
            Remember(known, ImportKind.Category, source, rubric.Id);
            Redirect($"/category/{CategoryPath(wpSlug, Decode(source.Parent))}", "rubric", rubric.Id);
            Redirect($"/category/{wpSlug}", "rubric", rubric.Id);
        }, ct);
        if (!done) return;
        rubrics[wpSlug] = (rubric!.Id, Decode(source.Parent));
        report.Count(known is null ? report.Imported : report.Updated, "rubrics");
    }

    /// <summary>WordPress addresses a subcategory through its parents: /category/politika/vybory/.</summary>
    private string CategoryPath(string slug, string parent)
    {
        var path = slug;
        for (var depth = 0; parent.Length > 0 && depth < 10; depth++)
        {
            path = $"{parent}/{path}";
            parent = rubrics.TryGetValue(parent, out var p) ? p.Parent : "";
        }
        return path;
    }

    private async Task TagAsync(WxrTerm source, CancellationToken ct)
    {
        var wpSlug = Decode(source.Slug);
        var known = await KnownAsync(ImportKind.Tag, source.SourceId, ct);
        if (known is not null && known.Fingerprint == source.Fingerprint)
        {
            tags[wpSlug] = (int)known.TargetId;
            report.Count(report.Unchanged, "tags");
            return;
        }
        if (report.DryRun) { report.Count(known is null ? report.Imported : report.Updated, "tags"); return; }
        Tag? tag = null;
        var done = await WithinTransactionAsync($"tag {source.Name}", async () =>
        {
            var slug = SlugFor(wpSlug, source.Name, "tag");
            tag = known is null ? null : await db.Tags.FindAsync([(int)known.TargetId], ct);
            tag ??= await db.Tags.FirstOrDefaultAsync(t => t.Slug == slug, ct);
            if (tag is null)
            {
                tag = new Tag { Slug = slug, Name = source.Name };
                db.Tags.Add(tag);
            }
            tag.Name = source.Name;
            await db.SaveChangesAsync(ct);
            Remember(known, ImportKind.Tag, source, tag.Id);
            Redirect($"/tag/{wpSlug}", "tag", tag.Id);
        }, ct);
        if (!done) return;
        tags[wpSlug] = tag!.Id;
        report.Count(known is null ? report.Imported : report.Updated, "tags");
    }

    private async Task AttachmentAsync(WxrPost source, CancellationToken ct)
    {
        var known = await KnownAsync(ImportKind.Attachment, source.SourceId, ct);
        if (known is not null && await db.Media.FindAsync([(int)known.TargetId], ct) is { } had)
        {
            Picture(source, had);
            if (known.Fingerprint == source.Fingerprint) { report.Count(report.Unchanged, "pictures"); return; }
        }
        var file = source.MetaValue("_wp_attached_file") is { Length: > 0 } attached ? attached
            : source.AttachmentUrl.IndexOf("/uploads/", StringComparison.Ordinal) is >= 0 and var at ? source.AttachmentUrl[(at + 9)..] : "";
        if (!PictureFile().IsMatch(file)) { await Skip("attachments that are not pictures"); return; }
        if (uploads is null) { await Skip("pictures (no uploads given)"); return; }
        var bytes = uploads.Read(Uri.UnescapeDataString(file), ImageIntake.MaxBytes);
        if (bytes is null)
        {
            report.Warn($"missing image file: {file} (not in {uploads.Description}, or larger than 10 MB)");
            await Skip("pictures whose file is missing");
            return;
        }
        if (report.DryRun) { report.Count(known is null ? report.Imported : report.Updated, "pictures"); return; }
        MediaItem? item = known is null ? null : await db.Media.FindAsync([(int)known.TargetId], ct);
        if (item is null)
        {
            var result = await intake.AcceptAsync(bytes, ct);
            if (result.Error is { } refused) { report.Fail($"picture {file}: {refused}"); return; }
            item = new MediaItem
            {
                Path = result.Path!, Format = result.Format, Width = result.Width, Height = result.Height, Bytes = bytes.Length,
                OriginalName = Path.GetFileName(file), UploadedBy = ImportedBy,
                UploadedAt = source.DateUtc ?? clock.GetUtcNow().UtcDateTime,
            };
        }
        item.Caption = Text(source.Excerpt);
        item.AltText = source.MetaValue("_wp_attachment_image_alt") ?? "";
        item.Credit = Credit().Match(source.MetaValue("_wp_attachment_metadata") ?? "") is { Success: true } credit ? credit.Groups[1].Value : item.Credit;
        var done = await WithinTransactionAsync($"picture {file}", async () =>
        {
            if (item.Id == 0) db.Media.Add(item);
            await db.SaveChangesAsync(ct);
            Remember(known, ImportKind.Attachment, source, item.Id);
            Redirect($"/wp-content/uploads/{file}", "media", item.Id);
        }, ct);
        if (!done) return;
        Picture(source, item);
        report.Count(known is null ? report.Imported : report.Updated, "pictures");
    }

    private void Picture(WxrPost source, MediaItem item)
    {
        media[source.SourceId] = item;
        if (source.AttachmentUrl.Length > 0) pictures[Unsized(source.AttachmentUrl)] = item.Path;
    }

    /// <summary>The new address of an old picture, whatever size of it the post named (photo-300x200.jpg is photo.jpg).</summary>
    private string? NewPicture(string url) => pictures.GetValueOrDefault(Unsized(url));

    private static string Unsized(string url) => SizeSuffix().Replace(Uri.UnescapeDataString(url.Split('?')[0]), "").Replace("https://", "http://");

    // Most excerpts hold no markup at all, and a parsed document costs more than the rest of the entry's reading.
    private static string Text(string html) =>
        html.Length == 0 ? "" : html.AsSpan().IndexOfAny('<', '&') < 0 ? html.Trim() : Html.ParseDocument($"<body>{html}</body>").Body!.TextContent.Trim();

    /// <summary>The slug WordPress kept (percent-encoded, often Cyrillic) as one this site accepts: Latin, transliterated.</summary>
    private static string SlugFor(string wpSlug, string name, string fallback) =>
        Slug.From(wpSlug) is { Length: > 0 } s ? s : Slug.From(name) is { Length: > 0 } n ? n : fallback;

    private static string Decode(string slug)
    {
        try { return Uri.UnescapeDataString(slug); } catch (UriFormatException) { return slug; }
    }

    [GeneratedRegex(@"\p{IsCyrillic}")]
    private static partial Regex Cyrillic();

    [GeneratedRegex(@"-\d+x\d+(?=\.[A-Za-z0-9]+$)")]
    private static partial Regex SizeSuffix();

    [GeneratedRegex(@"\.(?:jpe?g|png|gif|webp)$", RegexOptions.IgnoreCase)]
    private static partial Regex PictureFile();

    [GeneratedRegex(@"""credit"";s:\d+:""([^""]*)""")]
    private static partial Regex Credit();
}
