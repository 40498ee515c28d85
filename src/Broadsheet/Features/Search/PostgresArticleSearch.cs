using System.Net;
using Broadsheet.Features.Articles;
using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Broadsheet.Features.Search;

/// <summary>
/// Search over PostgreSQL full-text search, for several web nodes: every node asks the same
/// database, so there is no index of its own to keep up to date. The articles table carries a
/// generated <c>"SearchVector"</c> (title, lead and body through the <c>russian</c> configuration,
/// which stems Cyrillic words as Russian and Latin ones as English; ё folded into е; migration
/// PostgresSearch) with a GIN index, and this asks it the way <see cref="LuceneArticleSearch"/>
/// asks Lucene: every word in its Russian or English form, phrases as phrases, the same filters,
/// and relevance times the same freshness factor.
/// <para>
/// Where Lucene re-ranks its best-scoring thousand matches by freshness, this ranks the newest thousand
/// (<see cref="Candidates"/>): PostgreSQL cannot rank without reading each match's vector, and a common word
/// matches half the archive. The newest are found month by month through the GIN index on words and month
/// (migration PostgresSearchByMonth), and past a thousand the count stops: "more than 1000".
/// </para>
/// </summary>
public sealed class PostgresArticleSearch(IServiceScopeFactory scopes, TimeProvider clock) : IArticleSearch
{
    private static readonly SearchResults NothingFound = new([], 0, false);

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
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            // A look over many months is many small index probes, which PostgreSQL would hand to parallel workers:
            // starting them costs more than the probes (30 ms against 6 on two cores), and a search is one reader of many.
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using (var serial = new NpgsqlCommand("SET LOCAL max_parallel_workers_per_gather = 0", connection))
                await serial.ExecuteNonQueryAsync(ct);
            var results = await SearchAsync(connection, query, text, now, ct);
            await transaction.CommitAsync(ct);
            return results;
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

        // Look back two months first; if fewer than Candidates match there, as far back as the pace found says
        // is needed; if still fewer, everywhere. A common word is answered by the first look, a rare one by the last.
        var latest = Month(query.ToUtc is { } to && to <= now ? to.AddTicks(-1) : now);
        var earliest = query.FromUtc is { } from ? Month(from) : int.MinValue;
        int? since = latest - 1;
        var (total, page, oldest) = (0, new List<(int Id, double Score)>(), (int?)null);
        for (var look = 0; look < 3; look++)
        {
            if (since <= earliest) since = null;
            (total, page, oldest) = await PageAsync(connection, query, words, now, Months(query, latest, since), ct);
            if (total >= Candidates || since is not { } first) break;
            var months = total == 0 ? int.MaxValue : Math.Ceiling((latest - first + 1) * (double)Candidates / total * 1.25);
            since = look == 0 && WorthNarrowing(months, latest, Math.Max(earliest, oldest ?? int.MinValue)) ? latest - (int)months + 1 : null;
        }

        var hits = page.Count == 0 ? [] : await HitsAsync(connection, page, text, ct);
        return total >= Candidates
            ? new SearchResults(hits, Candidates - 1, false) { MoreThanTotal = true }
            : new SearchResults(hits, total, false);
    }

    /// <summary>
    /// Whether looking back <paramref name="months"/> from <paramref name="latest"/> spares work over looking everywhere
    /// since <paramref name="oldest"/> (the oldest publication, or the reader's "from"). Each month looked at is one more
    /// probe of the index (under a millisecond at a million articles), so a look back over nearly all of the archive
    /// only adds that; short of it, reading only the recent matches (whose pages are the ones kept in memory) wins.
    /// </summary>
    private static bool WorthNarrowing(double months, int latest, int oldest) =>
        months <= MonthsProbedAtMost && (oldest == int.MinValue || months * 5 < (latest - oldest + 1) * 4);

    /// <summary>
    /// The most months a look probes one by one; past it, the words alone are looked up and the months told apart on
    /// the rows. At a million articles a month costs 0.9 ms for four common words and the words alone 35 ms (whatever
    /// the span: the whole posting lists are crossed), so they meet near forty months.
    /// </summary>
    private const int MonthsProbedAtMost = 36;

    /// <summary>How many of the newest matches are ranked: the deepest page a reader can ask for, and one more to know there are more.</summary>
    public const int Candidates = SearchRequest.MaxPages * SearchRequest.PageSize + 1;

    /// <summary>
    /// The months a look reads, from <paramref name="since"/> (or the reader's "from") to the latest an answer can be in,
    /// and whether later months count too (the newsroom's search finds scheduled articles, filed under the month they
    /// will appear in); null for every month, or for more months than are worth probing one by one.
    /// </summary>
    private static LookedAt? Months(SearchQuery query, int latest, int? since)
    {
        if ((since ?? (query.FromUtc is { } from ? Month(from) : null)) is not { } first) return null;
        var (last, later) = query.IncludeUnpublished
            ? query.ToUtc is { } to ? (Month(to.AddTicks(-1)), false) : (latest, true)
            : (latest, false);
        return last - first + 1 <= MonthsProbedAtMost ? new LookedAt(first, last, later) : null;
    }

    private sealed record LookedAt(int First, int Last, bool Later);

    /// <summary>The month number the "SearchMonth" column holds (migration PostgresSearchByMonth): January 2000 is 1.</summary>
    public static int Month(DateTime utc) => (utc.Year - 2000) * 12 + utc.Month;

    /// <summary>
    /// The newest <see cref="Candidates"/> matches in <paramref name="months"/> (or in any month), how many
    /// there are (at most Candidates), and the asked page of them by score. The GIN index holds words and month
    /// together, so only matching rows of those months are read; ranking reads the vectors of the candidates only.
    /// </summary>
    private static async Task<(int Total, List<(int Id, double Score)> Page, int? OldestMonth)> PageAsync(
        NpgsqlConnection connection, SearchQuery query, string? words, DateTime now, LookedAt? months, CancellationToken ct)
    {
        var where = Conditions(query, words is not null);
        var score = query.Order == SearchOrder.Date || words is null
            ? "extract(epoch FROM c.at)::float8"
            : $"{Rank} * {Freshness}";
        // The candidates are joined back by row address, not by key: the same statement, the same snapshot,
        // and no index lookup for each of a thousand rows.
        var sql = $"""
            WITH candidates AS (
                SELECT m.place, m."Id", m.at
                FROM ({Matches(where, months)}) AS m
                ORDER BY m.at DESC, m."Id" DESC
                LIMIT @candidates),
            page AS (
                SELECT c."Id", {score} AS score
                FROM candidates AS c JOIN "Articles" AS a ON a.ctid = c.place
                ORDER BY score DESC, c."Id" DESC
                LIMIT @take OFFSET @skip)
            SELECT (SELECT count(*) FROM candidates), p."Id", p.score,
                (SELECT min(o."PublishedAt") FROM "Articles" AS o WHERE o."Status" = @published)
            FROM (SELECT 1) AS one LEFT JOIN page AS p ON true
            ORDER BY p.score DESC, p."Id" DESC
            """;
        await using var command = Command(connection, sql, query, now, words);
        command.Parameters.AddWithValue("candidates", Candidates);
        command.Parameters.AddWithValue("take", Math.Max(query.Take, 0));
        command.Parameters.AddWithValue("skip", Math.Max(query.Skip, 0));

        var (total, oldest) = (0, (int?)null);
        var page = new List<(int, double)>(Math.Max(query.Take, 0));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            total = (int)reader.GetInt64(0);
            if (!reader.IsDBNull(1)) page.Add((reader.GetInt32(1), reader.GetDouble(2)));
            if (!reader.IsDBNull(3)) oldest = Month(reader.GetDateTime(3));
        }
        return (total, page, oldest);
    }

    /// <summary>
    /// The matching rows of the months looked at: one probe of the GIN index on words and month for each month, so
    /// PostgreSQL crosses the month's postings with the words' and reads only the rows that are in both. Given the months
    /// as a list or a range instead, it looks the words up alone and reads every matching row of every month to tell
    /// them apart (49 ms against 6 for four common words over nine months of a million articles), or gathers every
    /// article of the range whatever the words (120 ms for three years).
    /// </summary>
    private static string Matches(string where, LookedAt? months)
    {
        const string Row = """SELECT a.ctid AS place, a."Id", coalesce(a."PublishedAt", a."CreatedAt") AS at FROM "Articles" AS a""";
        if (months is null) return $"{Row} WHERE {where}";
        var probes = Enumerable.Range(months.First, Math.Max(0, months.Last - months.First + 1))
            .Select(m => $"""{Row} WHERE {where} AND a."SearchMonth" = {m}""")
            .ToList();
        if (months.Later) probes.Add($"""{Row} WHERE {where} AND a."SearchMonth" > {months.Last}""");
        return probes.Count == 0 ? $"{Row} WHERE false" : string.Join("\nUNION ALL\n", probes);
    }

    /// <summary>
    /// The page's articles, in the page's order, headline and snippet marked as <see cref="LuceneArticleSearch"/>
    /// marks them (<see cref="Snippet"/>): on the web node, which there can be many of, rather than with
    /// ts_headline in the one database, where it cost more than finding and ranking the page.
    /// </summary>
    private static async Task<List<SearchHit>> HitsAsync(NpgsqlConnection connection, List<(int Id, double Score)> page, SearchText text, CancellationToken ct)
    {
        // The snippet reads no further than Snippet's 6,000 characters of text; the markup around them is not worth sending.
        const string sql = """
            SELECT a."Id", a."Title", a."Slug", a."Status", a."PublishedAt", a."Lead", r."Name", r."Slug", a."Language", left(a."BodyHtml", 12000)
            FROM unnest(@ids) WITH ORDINALITY AS p("Id", n)
            JOIN "Articles" AS a ON a."Id" = p."Id"
            LEFT JOIN LATERAL (
                SELECT r."Name", r."Slug" FROM "ArticleRubrics" AS ar JOIN "Rubrics" AS r ON r."Id" = ar."RubricId"
                WHERE ar."ArticleId" = a."Id" ORDER BY r."Position", r."Id" LIMIT 1) AS r ON true
            ORDER BY p.n
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("ids", page.Select(p => p.Id).ToArray());

        var words = ArticleQuery.Words(text);
        var hits = new List<SearchHit>(page.Count);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            var (title, lead) = (reader.GetString(1), reader.GetString(5));
            var languages = Snippet.Languages(text, reader.GetString(8));
            hits.Add(new SearchHit(
                reader.GetInt32(0), title, reader.GetString(2),
                Enum.TryParse<ArticleStatus>(reader.GetString(3), out var status) ? status : ArticleStatus.Draft,
                reader.IsDBNull(4) ? null : DateTime.SpecifyKind(reader.GetDateTime(4), DateTimeKind.Utc),
                Text(6), Text(7),
                words is null ? WebUtility.HtmlEncode(title) : Snippet.Title(words, title, languages),
                words is null
                    ? WebUtility.HtmlEncode(Teaser.Shorten(lead))
                    : Snippet.For(words, $"{lead}\n\n{ArticleSource.PlainText(reader.GetString(9))}", lead, languages)));
        }
        return hits;
    }

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
        if (q.Status is not null) where.Add("""a."Status" = @status""");
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
        // The months of "from" and "to" narrow the index's rows through Months; these keep the exact times.
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
        if (q.Status is { } status) command.Parameters.AddWithValue("status", status.ToString());
        if (q.RubricSlug is { } rubric) command.Parameters.AddWithValue("rubric", rubric);
        if (q.AuthorSlug is { } author) command.Parameters.AddWithValue("author", author);
        if (q.FromUtc is { } from) command.Parameters.AddWithValue("from", DateTime.SpecifyKind(from, DateTimeKind.Utc));
        if (q.ToUtc is { } to) command.Parameters.AddWithValue("to", DateTime.SpecifyKind(to, DateTimeKind.Utc));
        return command;
    }
}
