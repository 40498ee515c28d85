using System.Net;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Search;
using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Broadsheet.Infrastructure.Search;

/// <summary>
/// Search over PostgreSQL full-text search, for several web nodes: every node asks the same
/// database, so there is no index of its own to keep up to date. The articles table carries a
/// generated <c>"SearchVector"</c> (title, lead and body through the <c>russian</c> configuration,
/// which stems Cyrillic words as Russian and Latin ones as English; ё folded into е; migration
/// PostgresSearch) with a GIN index, and this asks it the way <see cref="LuceneArticleSearch"/>
/// asks Lucene: every word in its Russian or English form, phrases as phrases, the same filters,
/// and relevance times the same freshness factor.
/// </summary>
public sealed class PostgresArticleSearch(IServiceScopeFactory scopes, TimeProvider clock) : IArticleSearch
{
    private static readonly SearchResults NothingFound = new([], 0, false);

    // The text as ts_headline reads it: escaped HTML without tags (the lead and title escaped here, the body
    // stripped of its tags), so the parser never takes an article's words for markup and Headline.ToHtml can
    // decode, escape and mark it in one pass. The marks' own characters are taken out first, so no text can forge one.
    private const string EscapedTitle = """
        translate(replace(replace(replace(a."Title", '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), @sentinels, '')
        """;
    private const string EscapedText = """
        translate(left(replace(replace(replace(a."Lead", '&', '&amp;'), '<', '&lt;'), '>', '&gt;')
            || E'\n\n' || regexp_replace(a."BodyHtml", '<("[^"]*"|''[^'']*''|[^''">])*>', '', 'g'), 6000), @sentinels, '')
        """;

    // A new article keeps its whole score, a month-old one three quarters, a very old one half: as LuceneArticleSearch.
    private const string Freshness = """
        (0.5 + 0.5 * power(2, -greatest(0, extract(epoch FROM @now - coalesce(a."PublishedAt", a."CreatedAt"))::float8) / 86400 / 30))
        """;

    // Title (A) counts 2.5 times the text (B lead, C body), as the title boost does in Lucene; 1 divides by the log of the length.
    private const string Rank = """ts_rank('{0.1, 0.4, 0.4, 1.0}', a."SearchVector", @query::tsquery, 1)""";

    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var text = SearchText.Parse(query.Text);
        if (text.IsEmpty && !query.HasFilters) return SearchResults.Unasked;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await SearchAsync((NpgsqlConnection)db.Database.GetDbConnection(), query, text, now, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<SearchResults> SearchAsync(NpgsqlConnection connection, SearchQuery query, SearchText text, DateTime now, CancellationToken ct)
    {
        var words = text.IsEmpty ? null : await TsQueryAsync(connection, text, ct);
        if (words is null && !query.HasFilters) return NothingFound;

        var where = Conditions(query, words is not null);
        var order = query.Order == SearchOrder.Date || words is null ? """coalesce(a."PublishedAt", a."CreatedAt")""" : $"{Rank} * {Freshness}";
        var headlines = words is null ? "NULL, NULL" : $"""
            ts_headline('russian', {EscapedTitle}, @query::tsquery, @titleOptions),
            ts_headline('russian', {EscapedText}, @query::tsquery, @textOptions)
            """;
        var sql = $"""
            WITH found AS (
                SELECT a."Id", {order} AS score, count(*) OVER () AS total
                FROM "Articles" AS a
                WHERE {where}
                ORDER BY score DESC, a."Id" DESC
                LIMIT @take OFFSET @skip)
            SELECT a."Id", f.total, a."Title", a."Slug", a."Status", a."PublishedAt", a."Lead", r."Name", r."Slug", {headlines}
            FROM found AS f
            JOIN "Articles" AS a ON a."Id" = f."Id"
            LEFT JOIN LATERAL (
                SELECT r."Name", r."Slug" FROM "ArticleRubrics" AS ar JOIN "Rubrics" AS r ON r."Id" = ar."RubricId"
                WHERE ar."ArticleId" = a."Id" ORDER BY r."Position", r."Id" LIMIT 1) AS r ON true
            ORDER BY f.score DESC, f."Id" DESC
            """;

        await using var command = Command(connection, sql, query, now, words);
        command.Parameters.AddWithValue("take", Math.Max(query.Take, 0));
        command.Parameters.AddWithValue("skip", Math.Max(query.Skip, 0));
        command.Parameters.AddWithValue("sentinels", Headline.Sentinels);
        command.Parameters.AddWithValue("titleOptions", $"HighlightAll=true, {Marks}");
        command.Parameters.AddWithValue("textOptions", $"MaxWords=30, MinWords=12, ShortWord=3, MaxFragments=2, FragmentDelimiter={Headline.Delimiter}, {Marks}");

        var hits = new List<SearchHit>(Math.Max(query.Take, 0));
        long total = 0;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                total = reader.GetInt64(1);
                hits.Add(Hit(reader));
            }
        }
        // A page past the last result (or no page at all) has no rows to carry the count.
        if (hits.Count == 0 && (query.Skip > 0 || query.Take <= 0))
        {
            await using var count = Command(connection, $"""SELECT count(*) FROM "Articles" AS a WHERE {where}""", query, now, words);
            total = (long)(await count.ExecuteScalarAsync(ct))!;
        }
        return new SearchResults(hits, (int)total, false);
    }

    private static string Marks => $"StartSel={Headline.Start}, StopSel={Headline.Stop}";

    /// <summary>
    /// The reader's words as a tsquery, normalised by PostgreSQL itself: each word in its Russian or
    /// English form (AND across words), each phrase in either language's form. A word that either
    /// configuration counts as a stop word is dropped, as in <see cref="ArticleQuery"/>. Null when nothing is left.
    /// </summary>
    private static async Task<string?> TsQueryAsync(NpgsqlConnection connection, SearchText text, CancellationToken ct)
    {
        const string sql = """
            SELECT false, plainto_tsquery('russian', w)::text, plainto_tsquery('english', w)::text
            FROM unnest(@words) AS w
            UNION ALL
            SELECT true, phraseto_tsquery('russian', p)::text, phraseto_tsquery('english', p)::text
            FROM unnest(@phrases) AS p
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("words", text.Words.Select(Fold).ToArray());
        command.Parameters.AddWithValue("phrases", text.Phrases.Select(p => Fold(string.Join(' ', p))).ToArray());

        var parts = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var (phrase, ru, en) = (reader.GetBoolean(0), reader.GetString(1), reader.GetString(2));
            if (!phrase && (ru.Length == 0 || en.Length == 0)) continue;
            var forms = new[] { ru, en }.Where(f => f.Length > 0).Select(f => $"({f})").ToList();
            if (forms.Count > 0) parts.Add("(" + string.Join(" | ", forms) + ")");
        }
        return parts.Count == 0 ? null : string.Join(" & ", parts);
    }

    /// <summary>As the vector does: Russian writers use ё or not as they please.</summary>
    private static string Fold(string word) => word.Replace('ё', 'е').Replace('Ё', 'Е');

    private static string Conditions(SearchQuery q, bool hasWords)
    {
        var where = new List<string>();
        if (hasWords) where.Add("""a."SearchVector" @@ @query::tsquery""");
        if (!q.IncludeUnpublished) where.Add("""a."Status" = @published AND a."PublishedAt" <= @now""");
        if (q.RubricSlug is not null)
            where.Add("""
                EXISTS (SELECT 1 FROM "ArticleRubrics" AS ar JOIN "Rubrics" AS r ON r."Id" = ar."RubricId"
                        WHERE ar."ArticleId" = a."Id" AND r."Slug" = @rubric)
                """);
        if (q.AuthorSlug is not null)
            where.Add("""
                EXISTS (SELECT 1 FROM "ArticleAuthors" AS aa JOIN "Authors" AS p ON p."Id" = aa."AuthorId"
                        WHERE aa."ArticleId" = a."Id" AND p."Slug" = @author)
                """);
        if (q.FromUtc is not null) where.Add("""a."PublishedAt" >= @from""");
        if (q.ToUtc is not null) where.Add("""a."PublishedAt" < @to""");
        return where.Count == 0 ? "true" : string.Join(" AND ", where);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, SearchQuery q, DateTime now, string? words)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("published", nameof(ArticleStatus.Published));
        if (words is not null) command.Parameters.AddWithValue("query", words);
        if (q.RubricSlug is { } rubric) command.Parameters.AddWithValue("rubric", rubric);
        if (q.AuthorSlug is { } author) command.Parameters.AddWithValue("author", author);
        if (q.FromUtc is { } from) command.Parameters.AddWithValue("from", DateTime.SpecifyKind(from, DateTimeKind.Utc));
        if (q.ToUtc is { } to) command.Parameters.AddWithValue("to", DateTime.SpecifyKind(to, DateTimeKind.Utc));
        return command;
    }

    private static SearchHit Hit(NpgsqlDataReader r)
    {
        string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        var title = r.GetString(2);
        var lead = r.GetString(6);
        var titleHtml = Text(9) is { } markedTitle ? Headline.ToHtml(markedTitle) : WebUtility.HtmlEncode(title);
        var snippet = Text(10) is { } marked && marked.Contains(Headline.Start) ? Headline.ToHtml(marked) : WebUtility.HtmlEncode(Teaser.Shorten(lead));
        return new SearchHit(
            r.GetInt32(0), title, r.GetString(3),
            Enum.TryParse<ArticleStatus>(r.GetString(4), out var status) ? status : ArticleStatus.Draft,
            r.IsDBNull(5) ? null : DateTime.SpecifyKind(r.GetDateTime(5), DateTimeKind.Utc),
            Text(7), Text(8), titleHtml, snippet);
    }
}
