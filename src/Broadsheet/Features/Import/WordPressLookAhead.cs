using Broadsheet.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Import;

/// <summary>
/// The second pass reads <see cref="LookAhead"/> posts before writing them, and asks the database in one query
/// each what a query an entry used to ask: which of them (and of their comments) were imported before, which of
/// their addresses are taken, which of their commenters have an account here, which of their articles are still
/// here. What it learns is let go with the posts, so memory stays flat however long the export.
/// </summary>
public sealed partial class WordPressImport
{
    /// <summary>Posts (each with its comments) read ahead; measured in bench/import.sh, more gains nothing.</summary>
    public const int LookAhead = 200;

    private readonly List<WxrPost> ahead = [];

    /// <summary>(kind, WordPress id) → its map row, or null when it is new; an entry not looked ahead is asked for.</summary>
    private readonly Dictionary<(string Kind, long SourceId), ImportedItem?> knownAhead = [];

    /// <summary>Each wanted article address looked ahead → the articles that hold it now or held it once.</summary>
    private readonly Dictionary<string, List<int>> slugsAhead = new(StringComparer.Ordinal);

    /// <summary>Articles of map rows looked ahead → their date (absent: deleted here since).</summary>
    private readonly Dictionary<int, DateTime> articlesAhead = [];

    private async Task AheadAsync(Action<ImportReport, double>? progress, double share, CancellationToken ct)
    {
        if (ahead.Count == 0) return;
        await LookAheadAsync(ct);
        ConvertAhead(ct);
        foreach (var post in ahead)
        {
            await (post switch
            {
                { Type: "post" } => PostAsync(post, ct),
                { Type: "page" } => PageAsync(post, ct),
                _ => Skip($"{post.Type} (not a post or a page)"),
            });
            await EntryDoneAsync(progress, share, ct);
        }
        ahead.Clear();
        convertedAhead.Clear();
        knownAhead.Clear();
        slugsAhead.Clear();
        articlesAhead.Clear();
        accounts.Clear();
    }

    private async Task LookAheadAsync(CancellationToken ct)
    {
        var postIds = ahead.Select(p => p.SourceId).Distinct().ToList();
        var commentIds = ahead.SelectMany(p => p.Comments).Select(c => c.SourceId).Distinct().ToList();
        foreach (var id in postIds)
        {
            knownAhead[(ImportKind.Post, id)] = null;
            knownAhead[(ImportKind.Page, id)] = null;
        }
        foreach (var id in commentIds) knownAhead[(ImportKind.Comment, id)] = null;
        var rows = await db.ImportedItems.AsNoTracking()
            .Where(i => ((i.Kind == ImportKind.Post || i.Kind == ImportKind.Page) && postIds.Contains(i.SourceId))
                        || (i.Kind == ImportKind.Comment && commentIds.Contains(i.SourceId)))
            .ToListAsync(ct);
        foreach (var row in rows) knownAhead[(row.Kind, row.SourceId)] = row;

        var articleIds = rows.Where(r => r.Kind == ImportKind.Post).Select(r => (int)r.TargetId).ToList();
        if (articleIds.Count > 0)
            foreach (var a in await db.Articles.Where(a => articleIds.Contains(a.Id)).Select(a => new { a.Id, Dated = a.PublishedAt ?? a.CreatedAt }).ToListAsync(ct))
                articlesAhead[a.Id] = a.Dated;

        if (!report.DryRun)
        {
            var wanted = ahead.Where(p => p.Type == "post").Select(WantedSlug).Distinct().ToList();
            foreach (var slug in wanted) slugsAhead[slug] = [];
            var holders = await db.Articles.Where(a => wanted.Contains(a.Slug)).Select(a => new { a.Slug, a.Id }).ToListAsync(ct);
            holders.AddRange(await db.ArticleSlugHistory.Where(h => wanted.Contains(h.Slug)).Select(h => new { h.Slug, Id = h.ArticleId }).ToListAsync(ct));
            foreach (var h in holders) slugsAhead[h.Slug].Add(h.Id);

            var emails = ahead.SelectMany(p => p.Comments).Select(c => c.Email).Where(e => e.Contains('@'))
                .Select(e => MailAddresses.Normalise(e).ToUpperInvariant()).Distinct().ToList();
            foreach (var email in emails) accounts[email] = null;
            foreach (var user in await db.Users.Where(u => emails.Contains(u.NormalizedEmail!)).Select(u => new { u.Id, u.NormalizedEmail }).ToListAsync(ct))
                accounts[user.NormalizedEmail!] = user.Id;
        }
    }

    /// <summary>Whether an article other than <paramref name="articleId"/> holds or held the address; null when not looked ahead.</summary>
    private bool? TakenAhead(string slug, int articleId) =>
        slugsAhead.TryGetValue(slug, out var holders) ? holders.Any(id => id != articleId) : null;
}
