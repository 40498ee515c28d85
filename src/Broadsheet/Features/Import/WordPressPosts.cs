using Broadsheet.Features.Articles;
using Broadsheet.Features.Articles.History;
using Broadsheet.Features.Comments;
using Broadsheet.Features.Newsroom.Media;
using Broadsheet.Features.Newsroom.Workflow;
using Broadsheet.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Import;

/// <summary>Posts and pages with their comments: the second pass of <see cref="WordPressImport"/>.</summary>
public sealed partial class WordPressImport
{
    private async Task PostAsync(WxrPost source, CancellationToken ct)
    {
        var status = source.Status switch
        {
            "publish" => ArticleStatus.Published,
            "future" => ArticleStatus.Scheduled,
            "draft" or "pending" or "private" => ArticleStatus.Draft,
            _ => (ArticleStatus?)null,
        };
        if (status is null) { await Skip($"{source.Type}s with status \"{source.Status}\""); return; }
        var label = $"{source.Type} {source.SourceId} \"{Shorten(source.Title)}\"";
        var known = await KnownAsync(ImportKind.Post, source.SourceId, ct);
        if (known is not null && known.Fingerprint == source.Fingerprint)
        {
            // As it was last time: the article is not read, only whether it is still here; its comments may have changed.
            var articleId = (int)known.TargetId;
            if (!articlesAhead.TryGetValue(articleId, out var dated)) { await Skip($"{source.Type}s deleted here since an earlier import"); return; }
            report.Count(report.Unchanged, Plural(source.Type));
            await CommentsAsync(source, articleId, dated, label, ct);
            return;
        }
        var article = known is null ? null : await db.Articles.AsSplitQuery()
            .Include(a => a.Authors).Include(a => a.Rubrics).Include(a => a.Tags)
            .FirstOrDefaultAsync(a => a.Id == (int)known.TargetId, ct);
        if (known is not null && article is null) { await Skip($"{source.Type}s deleted here since an earlier import"); return; }

        var converted = await ConvertedAsync(source);
        var body = converted.Body;
        foreach (var note in converted.Notes) report.Warn($"{label}: {note}");
        if (report.DryRun)
        {
            report.Count(known is null ? report.Imported : report.Updated, Plural(source.Type));
            CountComments(source);
            OldAddresses(source, article?.Id ?? 0);
            return;
        }

        var isNew = article is null;
        var date = source.DateUtc ?? (source.DateLocal is { } local ? site.ToUtc(local) : (DateTime?)null);
        article ??= new Article { Slug = "", Title = "", CreatedAt = date ?? clock.GetUtcNow().UtcDateTime };
        article.Title = source.Title.Length > 0 ? source.Title : Shorten(Text(source.Content));
        article.Lead = Text(source.Excerpt);
        article.Body = body;
        article.BodyHtml = converted.Html ?? articleBody.Render(body, await MediaItem.AltTextsAsync(db, body, null, ct));
        article.Status = status.Value;
        article.PublishedAt = status == ArticleStatus.Draft ? null : date;
        article.Language = Cyrillic().Count(article.Title + article.Lead) * 2 > (article.Title + article.Lead).Length / 3 ? "ru" : "en";
        article.CommentsEnabled = source.CommentsOpen;
        if (source.MetaValue("_thumbnail_id") is { } thumb && long.TryParse(thumb, out var thumbId) && media.TryGetValue(thumbId, out var cover))
        {
            article.CoverImage = cover.Path;
            article.CoverCaption = cover.Caption.Length > 0 ? cover.Caption : null;
            article.CoverAlt = cover.AltText.Length > 0 ? cover.AltText : null;
        }
        var slug = await FreeArticleSlugAsync(WantedSlug(source), article.Id, label, ct);
        if (isNew || article.Slug != slug) article.Slug = slug;

        var edit = new ArticleEdit(Importer)
        {
            Step = isNew ? null : RevisionAction.Saved,
            Alongside = (saved, _) =>
            {
                Bylines(source, saved);
                Sections(source, saved, label);
                // Saved with the revision, in the history's last save: one round trip fewer an article.
                Remember(known, ImportKind.Post, source, saved.Id);
                OldAddresses(source, saved.Id);
                return Task.CompletedTask;
            },
        };
        if (!await WithinTransactionAsync(label, () => isNew ? NewArticleAsync(article, edit, source, ct) : History.RecordAsync(article, edit, ct), ct)) return;
        // What a later entry of the look-ahead (the same post listed twice) asks of this one.
        if (slugsAhead.TryGetValue(article.Slug, out var holders)) holders.Add(article.Id);
        articlesAhead[article.Id] = article.PublishedAt ?? article.CreatedAt;
        report.Count(isNew ? report.Imported : report.Updated, Plural(source.Type));
        await CommentsAsync(source, article.Id, article.PublishedAt ?? article.CreatedAt, label, ct);
    }

    /// <summary>
    /// A new article with what <see cref="ArticleHistory.RecordAsync"/> would keep of it (its first revision, bylines,
    /// sections, map row, old addresses), written through prepared statements: an archive brings thousands a minute.
    /// </summary>
    private async Task NewArticleAsync(Article article, ArticleEdit edit, WxrPost source, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        article.Version = Guid.NewGuid();
        await Rows.Articles.AddAsync(article, ct);
        await Rows.Revisions.AddAsync(ArticleHistory.Keep(new Revision { Title = "" }, article, edit, now), ct);
        await edit.Alongside!(article, ct);
        foreach (var byline in article.Authors) await Rows.Bylines.AddAsync(byline, ct);
        foreach (var rubric in article.Rubrics) await Rows.Rubrics.AddAsync(rubric, ct);
        foreach (var tag in article.Tags) await Rows.Tags.AddAsync(tag, ct);
        if (source.Status == "private")
            db.EditorialNotes.Add(new EditorialNote
            {
                ArticleId = article.Id, WrittenBy = ImportedBy, WrittenAt = now,
                Text = "Private on the old site (only its editors could read it); imported as a draft, so it stays unpublished until someone here decides.",
            });
    }

    private static string Plural(string type) => type == "page" ? "pages" : "posts";

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";

    private static string WantedSlug(WxrPost source)
    {
        var wanted = SlugFor(Decode(source.Name) is { Length: > 0 } name ? name : source.Title, source.Title, $"post-{source.SourceId}");
        // WordPress cuts an encoded (Cyrillic) slug at 200 bytes mid-word; the title still has the whole of it.
        return Slug.From(source.Title) is { } whole && whole.Length > wanted.Length && whole.StartsWith(wanted, StringComparison.Ordinal) ? whole : wanted;
    }

    private async Task<string> FreeArticleSlugAsync(string wanted, int articleId, string label, CancellationToken ct)
    {
        var slug = wanted;
        // Most addresses are free and were looked ahead; a suffixed one is asked for, both tables in one query.
        for (var n = 2;
             TakenAhead(slug, articleId) ?? await db.Articles.Where(a => a.Slug == slug && a.Id != articleId).Select(a => a.Id)
                 .Concat(db.ArticleSlugHistory.Where(h => h.Slug == slug && h.ArticleId != articleId).Select(h => h.ArticleId)).AnyAsync(ct);
             n++)
            slug = $"{wanted}-{n}";
        if (slug != wanted) report.Warn($"{label}: the address \"{wanted}\" is taken here; imported as \"{slug}\"");
        return slug;
    }

    private void Bylines(WxrPost source, Article article)
    {
        article.Authors.Clear();
        if (authors.TryGetValue(source.Creator, out var authorId))
            article.Authors.Add(new ArticleAuthor { ArticleId = article.Id, AuthorId = authorId, Position = 0 });
    }

    /// <summary>
    /// Categories become rubrics; rubrics here are flat, so a post in a subcategory (Politics › Elections)
    /// is placed in its parents too, and the Politics page lists it as WordPress's did.
    /// </summary>
    private void Sections(WxrPost source, Article article, string label)
    {
        var rubricIds = new HashSet<int>();
        var tagIds = new HashSet<int>();
        foreach (var (domain, nicename, name) in source.Terms)
        {
            var slug = Decode(nicename);
            if (domain == "category")
            {
                for (var (current, depth) = (slug, 0); current.Length > 0 && depth < 10; depth++)
                {
                    if (!rubrics.TryGetValue(current, out var rubric))
                    {
                        if (current != "uncategorized") report.Warn($"{label}: category \"{name}\" is not among the export's categories; left out");
                        break;
                    }
                    rubricIds.Add(rubric.Id);
                    current = rubric.Parent;
                }
            }
            else if (domain == "post_tag")
            {
                if (tags.TryGetValue(slug, out var tagId)) tagIds.Add(tagId);
                else report.Warn($"{label}: tag \"{name}\" is not among the export's tags; left out");
            }
        }
        article.Rubrics.RemoveAll(r => !rubricIds.Contains(r.RubricId));
        foreach (var id in rubricIds.Where(id => article.Rubrics.All(r => r.RubricId != id)))
            article.Rubrics.Add(new ArticleRubric { ArticleId = article.Id, RubricId = id });
        article.Tags.RemoveAll(t => !tagIds.Contains(t.TagId));
        foreach (var id in tagIds.Where(id => article.Tags.All(t => t.TagId != id)))
            article.Tags.Add(new ArticleTag { ArticleId = article.Id, TagId = id });
    }

    /// <summary>The old permalink, ?p=ID (and ?page_id=ID for a page) and every former slug WordPress kept.</summary>
    private void OldAddresses(WxrPost source, int articleId)
    {
        if (source.Link.Length > 0) Redirect(source.Link, "article", articleId);
        Redirect($"/?p={source.SourceId}", "article", articleId);
        var link = source.Link.TrimEnd('/');
        var cut = link.LastIndexOf('/');
        if (cut <= 0) return;
        foreach (var (key, value) in source.Meta)
            if (key == "_wp_old_slug" && value.Length > 0) Redirect($"{link[..cut]}/{value}/", "article", articleId);
    }

    private void CountComments(WxrPost source)
    {
        foreach (var c in source.Comments)
        {
            if (State(c) is not null) report.Count(report.Imported, "comments");
            else report.Count(report.Skipped, SkipReason(c));
        }
    }

    private static CommentStatus? State(WxrComment c) =>
        c.Type is "pingback" or "trackback" ? null : c.Approved switch
        {
            "1" or "approve" => CommentStatus.Published,
            "0" or "hold" => CommentStatus.Held,
            _ => null,
        };

    private static string SkipReason(WxrComment c) => c.Type is "pingback" or "trackback" ? "pingbacks and trackbacks" : $"comments marked {c.Approved}";

    /// <summary>
    /// Comments oldest first, whole or not at all. A post's comments are written together, in one savepoint; when
    /// that fails they are written again one by one, each in a savepoint of its own, so only the comment at fault
    /// stays out. Threads here are one level deep, so a reply to a reply joins its thread's first comment; a reply
    /// whose parent is not in the export starts a thread.
    /// </summary>
    private async Task CommentsAsync(WxrPost source, int articleId, DateTime articleDate, string label, CancellationToken ct)
    {
        if (source.Comments.Count == 0) return;
        var known = new Dictionary<long, ImportedItem>();
        foreach (var c in source.Comments)
            if (await KnownAsync(ImportKind.Comment, c.SourceId, ct) is { } row) known[c.SourceId] = row;
        var writes = new List<(WxrComment Source, CommentStatus State, ImportedItem? Had, string? AccountId)>();
        foreach (var c in source.Comments.OrderBy(c => c.DateUtc ?? c.DateLocal).ThenBy(c => c.SourceId))
        {
            if (State(c) is not { } state) { report.Count(report.Skipped, SkipReason(c)); continue; }
            var had = known.GetValueOrDefault(c.SourceId);
            if (had is not null && had.Fingerprint == c.Fingerprint) { report.Count(report.Unchanged, "comments"); continue; }
            writes.Add((c, state, had, await AccountOfAsync(c.Email, ct)));
        }
        if (writes.Count == 0) return;
        // Read only when a comment is to be written: a second run of the same file reads no threads.
        var thread = await ThreadsAsync(known, ct);
        if (writes.Count > 1 && await CommentsTogetherAsync(writes, thread, articleId, articleDate, label, ct)) return;

        foreach (var (source1, state, had, accountId) in writes)
        {
            var parent = Parent(source1, thread, label, null);
            Comment? comment = null;
            var done = await WithinTransactionAsync($"{label}, comment {source1.SourceId}", async () =>
            {
                comment = await CommentAsync(source1, state, had, accountId, parent, articleId, articleDate, ct);
                await db.SaveChangesAsync(ct);
                Remember(had, ImportKind.Comment, source1, comment.Id);
            }, ct);
            if (!done) continue;
            thread[source1.SourceId] = comment!.ParentId ?? comment.Id;
            report.Count(had is null ? report.Imported : report.Updated, "comments");
        }
    }

    /// <summary>All of a post's comments to write in one savepoint; false (nothing kept, nothing reported) when one of them failed.</summary>
    private async Task<bool> CommentsTogetherAsync(List<(WxrComment Source, CommentStatus State, ImportedItem? Had, string? AccountId)> writes,
        Dictionary<long, long> thread, int articleId, DateTime articleDate, string label, CancellationToken ct)
    {
        var warnings = new List<string>();
        var written = new List<(WxrComment Source, ImportedItem? Had, Comment Comment)>();
        // Threads as this group goes: by WordPress id, the first comment of the thread, saved before (an id) or in this
        // group (its id is known once it is saved).
        var local = new Dictionary<long, long>(thread);
        var roots = new Dictionary<long, Comment>();
        var done = await WithinTransactionAsync(null, async () =>
        {
            foreach (var (source1, state, had, accountId) in writes)
            {
                long? parent;
                if (source1.Parent != 0 && roots.TryGetValue(source1.Parent, out var root))
                {
                    // A reply into a thread begun in this group: its first comment has its id, written or updated before.
                    parent = root.Id;
                    roots[source1.SourceId] = root;
                }
                else
                {
                    parent = Parent(source1, local, label, warnings);
                    if (parent is { } id) local[source1.SourceId] = id;
                }
                var comment = await CommentAsync(source1, state, had, accountId, parent, articleId, articleDate, ct);
                written.Add((source1, had, comment));
                if (parent is null) roots[source1.SourceId] = comment;
            }
            await db.SaveChangesAsync(ct);
            foreach (var (source1, had, comment) in written) Remember(had, ImportKind.Comment, source1, comment.Id);
        }, ct);
        if (!done) return false;
        foreach (var warning in warnings) report.Warn(warning);
        foreach (var (source1, had, comment) in written)
        {
            thread[source1.SourceId] = comment.ParentId ?? comment.Id;
            report.Count(had is null ? report.Imported : report.Updated, "comments");
        }
        return true;
    }

    /// <summary>The first comment of the thread this comment answers, when it was written before this post's comments.</summary>
    private long? Parent(WxrComment source, Dictionary<long, long> thread, string label, List<string>? warnings)
    {
        if (source.Parent == 0) return null;
        if (thread.TryGetValue(source.Parent, out var root)) return root;
        var warning = $"{label}: comment {source.SourceId} answers comment {source.Parent}, which is not in the export (spam, or deleted); it starts a thread of its own";
        if (warnings is null) report.Warn(warning); else warnings.Add(warning);
        return null;
    }

    private async Task<Comment> CommentAsync(WxrComment source, CommentStatus state, ImportedItem? had, string? accountId, long? parent,
        int articleId, DateTime articleDate, CancellationToken ct)
    {
        var comment = had is null ? null : await db.Comments.FindAsync([had.TargetId], ct);
        var isNew = comment is null;
        comment ??= new Comment { ArticleId = articleId, Text = "" };
        comment.ParentId = parent;
        comment.AccountId = accountId;
        comment.GuestName = accountId is null ? Shorten(source.Author.Length > 0 ? source.Author : "—") : null;
        comment.Text = CommentText(source.Content);
        comment.Status = state;
        comment.Rule = state == CommentStatus.Held ? "pending on the old site" : null;
        comment.CreatedAt = source.DateUtc ?? (source.DateLocal is { } local ? site.ToUtc(local) : articleDate);
        comment.Address = source.Address.Length <= 64 ? source.Address : "";
        // New, it is written at once (a reply needs its thread's id); a changed one is saved with its entry.
        if (isNew) await Rows.Comments.AddAsync(comment, ct);
        return comment;
    }

    /// <summary>For each comment imported before, the first comment of its thread here (its own id when it starts one).</summary>
    private async Task<Dictionary<long, long>> ThreadsAsync(Dictionary<long, ImportedItem> known, CancellationToken ct)
    {
        if (known.Count == 0) return [];
        var targets = known.Values.Select(k => k.TargetId).ToList();
        var roots = await db.Comments.AsNoTracking().Where(c => targets.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.ParentId ?? c.Id, ct);
        return known.Values.Where(k => roots.ContainsKey(k.TargetId)).ToDictionary(k => k.SourceId, k => roots[k.TargetId]);
    }

    /// <summary>The reader account with this address, if one exists: their old comments join their history here.</summary>
    private async Task<string?> AccountOfAsync(string email, CancellationToken ct)
    {
        if (email.Length == 0 || !email.Contains('@')) return null;
        var normalised = MailAddresses.Normalise(email).ToUpperInvariant();
        if (accounts.TryGetValue(normalised, out var known)) return known;
        var id = await db.Users.Where(u => u.NormalizedEmail == normalised).Select(u => u.Id).FirstOrDefaultAsync(ct);
        accounts[normalised] = id;
        return id;
    }

    /// <summary>Comments here are plain text: WordPress's few allowed tags are read for their words and line breaks.</summary>
    private static string CommentText(string html)
    {
        var withBreaks = html.Replace("\r\n", "\n").Replace("<br>", "\n").Replace("<br />", "\n").Replace("<br/>", "\n").Replace("</p>", "\n\n");
        // Most comments are plain text: they need no parser (three a post at archive scale).
        var text = withBreaks.AsSpan().IndexOfAny('<', '&') < 0 ? withBreaks.Trim()
            : Html.ParseDocument($"<body><pre>{withBreaks}</pre></body>").Body!.TextContent.Trim();
        if (text.Length < Comment.TextMin) text = text.PadRight(Comment.TextMin, '.');
        return text.Length <= Comment.TextMax ? text : text[..(Comment.TextMax - 1)] + "…";
    }
}
