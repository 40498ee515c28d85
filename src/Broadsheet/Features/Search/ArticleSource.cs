using System.Runtime.CompilerServices;
using System.Net;
using System.Text;
using Broadsheet.Features.Articles;
using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Search;

/// <summary>Reads articles from the database in the shape the index keeps.</summary>
public static class ArticleSource
{
    public static async Task<List<IndexedArticle>> ByIdsAsync(BroadsheetDb db, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        Shape(await Rows(db.Articles.Where(a => ids.Contains(a.Id))).ToListAsync(ct));

    /// <summary>Every article, in batches by id, so a rebuild of a large archive never holds it all in memory.</summary>
    public static async IAsyncEnumerable<List<IndexedArticle>> AllAsync(
        BroadsheetDb db, int batchSize, [EnumeratorCancellation] CancellationToken ct)
    {
        var after = 0;
        while (true)
        {
            var rows = await Rows(db.Articles.Where(a => a.Id > after).OrderBy(a => a.Id).Take(batchSize)).ToListAsync(ct);
            if (rows.Count == 0) yield break;
            after = rows[^1].Id;
            yield return Shape(rows);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// Every article's id and version, for comparing against what the index holds (at each start).
    /// Read from the narrow index IX_Articles_Versions, not from the rows: SQLite keeps the version behind the
    /// body, so reading it from the rows reads the whole table (6 GB at a million articles).
    /// </summary>
    public static IQueryable<ArticleVersion> Versions(BroadsheetDb db) =>
        db.Articles.AsNoTracking().Select(a => new ArticleVersion(a.Id, a.Version));

    public static Task<int> CountAsync(BroadsheetDb db, CancellationToken ct) => db.Articles.CountAsync(ct);

    private static IQueryable<Row> Rows(IQueryable<Article> articles) =>
        articles.AsNoTracking().AsSplitQuery().Select(a => new Row(
            a.Id, a.Slug, a.Title, a.Lead, a.BodyHtml, a.Language, a.Status, a.PublishedAt, a.CreatedAt,
            a.Rubrics.OrderBy(r => r.Rubric.Position).Select(r => new RubricRow(r.Rubric.Slug, r.Rubric.Name)).ToList(),
            a.Authors.OrderBy(x => x.Position).Select(x => x.Author.Slug).ToList(), a.Version));

    private static List<IndexedArticle> Shape(List<Row> rows) => rows.ConvertAll(r => new IndexedArticle(
        r.Id, r.Slug, r.Title, r.Lead, PlainText(r.BodyHtml), r.Language, r.Status, r.PublishedAt, r.CreatedAt,
        r.Rubrics.ConvertAll(x => (x.Slug, x.Name)), r.Authors, r.Version));

    /// <summary>
    /// The words of an article's body as readers see them: the sanitized HTML rather than the Markdown, without
    /// Markdown's punctuation — what AngleSharp's TextContent gives, at a tenth of the cost, which a search
    /// result page pays twenty times. It can skip from '&lt;' to the next '&gt;' outside quotes because BodyHtml
    /// is always the sanitizer's serialisation: attribute values quoted, every '&lt;' and '&amp;' in text escaped.
    /// </summary>
    public static string PlainText(string html)
    {
        if (html.AsSpan().IndexOfAny('<', '&') < 0) return html;
        var text = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var tag = html.IndexOf('<', i);
            if (tag < 0) tag = html.Length;
            text.Append(html, i, tag - i);
            var quote = '\0';
            for (i = tag + 1; i < html.Length && (quote != '\0' || html[i] != '>'); i++)
            {
                if (quote == '\0' && html[i] is '"' or '\'') quote = html[i];
                else if (html[i] == quote) quote = '\0';
            }
            i++;
        }
        return WebUtility.HtmlDecode(text.ToString());
    }

    private sealed record RubricRow(string Slug, string Name);

    private sealed record Row(
        int Id, string Slug, string Title, string Lead, string BodyHtml, string Language, ArticleStatus Status,
        DateTime? PublishedAt, DateTime CreatedAt, List<RubricRow> Rubrics, List<string> Authors, Guid Version);
}

public sealed record ArticleVersion(int Id, Guid Version);
