using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Broadsheet.Infrastructure.Data.Faults;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsletter;

/// <summary>
/// Plans mailings: decides which editions are due, and writes a run with one pending delivery per
/// recipient in a single transaction. Planning is the only step that chooses recipients, so
/// sending, however often it is resumed, can only ever send what was planned.
/// </summary>
public sealed class DigestEditions(BroadsheetDb db, SiteContext site, TimeProvider clock, NewsletterOptions options, ILogger<DigestEditions> log)
{
    public const int MaxItems = 40;

    /// <summary>Today's daily edition once its hour has come (and the weekly one on its day), in the site's time zone.</summary>
    public async Task PlanDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var local = site.ToLocal(now);
        if (TimeOnly.FromDateTime(local) < options.DailyAt) return;
        var today = DateOnly.FromDateTime(local);
        await PlanAsync(DigestKind.Daily, today, now, ct);
        if (today.DayOfWeek == options.WeeklyOn) await PlanAsync(DigestKind.Weekly, today, now, ct);
    }

    /// <summary>
    /// The run for one edition, unless it exists already; null when it did. Set-based, so that planning for a
    /// hundred thousand subscribers is a handful of statements whatever their number: the distinct window starts
    /// in one query, what is new in two per window start (everyone planned together shares one), one
    /// <c>INSERT … SELECT</c> of the deliveries per window start, and one update that moves everybody's window on,
    /// all in one transaction.
    /// </summary>
    public async Task<DigestRun?> PlanAsync(DigestKind kind, DateOnly edition, DateTime upTo, CancellationToken ct)
    {
        var key = $"{kind.ToString().ToLowerInvariant()}:{edition:yyyy-MM-dd}";
        if (await db.DigestRuns.AnyAsync(r => r.Key == key, ct)) return null;
        var frequency = kind == DigestKind.Weekly ? DigestFrequency.Weekly : DigestFrequency.Daily;
        var plannedAt = clock.GetUtcNow().UtcDateTime;
        // A new subscriber's first edition is the next one due, with the news of the period it covers,
        // even from before they signed up: counting from the sign-up would send nothing at 07:00 to
        // someone who subscribed at 06:30, and their first digest would come a day later.
        var firstSince = upTo - (kind == DigestKind.Weekly ? TimeSpan.FromDays(7) : TimeSpan.FromDays(1));
        var windows = await Due(frequency, upTo, plannedAt).Select(s => s.DigestUpTo).Distinct().ToListAsync(ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var run = new DigestRun { Key = key, Kind = kind, UpTo = upTo, CreatedAt = upTo };
        if (!await SaveAsync(run, ct)) return null;
        var planned = 0;
        foreach (var window in windows)
        {
            var since = window ?? firstSince;
            var news = await NewsAsync(since, upTo, ct);
            // Nothing new at all means no mail for this window, not an empty digest.
            if (news.Any) planned += await InsertDeliveriesAsync(run.Id, frequency, upTo, plannedAt, window, since, news.Rubrics, ct);
        }
        if (planned == 0)
        {
            run.FinishedAt = run.CreatedAt;
            await db.SaveChangesAsync(ct);
        }
        await Due(frequency, upTo, plannedAt).ExecuteUpdateAsync(s => s.SetProperty(x => x.DigestUpTo, upTo), ct);
        await transaction.CommitAsync(ct);
        log.LogInformation("Planned {Key} for {Count} recipients", key, planned);
        return run;
    }

    /// <summary>
    /// One delivery for each subscriber due whose window starts at <paramref name="window"/> (null: their first
    /// edition) and who has news: in one of their rubrics, or anything at all when they chose none. Plain SQL
    /// because EF cannot insert from a query; the same statement on SQLite and PostgreSQL. The rubric ids are
    /// numbers read from the database, written into the statement; everything else is a parameter.
    /// </summary>
    private Task<int> InsertDeliveriesAsync(int runId, DigestFrequency frequency, DateTime upTo, DateTime plannedAt,
        DateTime? window, DateTime since, HashSet<int> rubrics, CancellationToken ct)
    {
        var choseNone = """NOT EXISTS (SELECT 1 FROM "SubscriberRubric" AS c WHERE c."SubscriberId" = s."Id")""";
        var hasNews = rubrics.Count == 0 ? choseNone
            : $"""({choseNone} OR EXISTS (SELECT 1 FROM "SubscriberRubric" AS c WHERE c."SubscriberId" = s."Id" AND c."RubricId" IN ({string.Join(", ", rubrics.Order())})))""";
        var inWindow = window is null ? """s."DigestUpTo" IS NULL""" : """s."DigestUpTo" = {5}""";
        var sql = $"""
            INSERT INTO "DigestDelivery" ("RunId", "SubscriberId", "Since", "State", "Attempts")
            SELECT {"{0}"}, s."Id", {"{1}"}, '{nameof(DeliveryState.Pending)}', 0
            FROM "Subscriber" AS s
            WHERE s."State" = '{nameof(SubscriberState.Confirmed)}' AND s."Frequency" = {"{2}"}
              AND (s."DigestUpTo" IS NULL OR s."DigestUpTo" < {"{3}"}) AND (s."ConfirmedAt" IS NULL OR s."ConfirmedAt" <= {"{4}"})
              AND {inWindow} AND {hasNews}
            """;
        return db.Database.ExecuteSqlRawAsync(sql, [runId, since, frequency.ToString(), upTo, plannedAt, window ?? since], ct);
    }

    /// <summary>
    /// Confirmed subscribers of this frequency whose window ends before this edition's. Confirmed before planning
    /// began: someone confirming in the meantime was not considered, so their window must not move.
    /// </summary>
    private IQueryable<Subscriber> Due(DigestFrequency frequency, DateTime upTo, DateTime plannedAt) =>
        db.Subscribers.Where(s => s.State == SubscriberState.Confirmed && s.Frequency == frequency
            && (s.DigestUpTo == null || s.DigestUpTo < upTo) && (s.ConfirmedAt == null || s.ConfirmedAt <= plannedAt));

    /// <summary>Whether anything at all is new since <paramref name="since"/>, and in which rubrics.</summary>
    private async Task<News> NewsAsync(DateTime since, DateTime upTo, CancellationToken ct)
    {
        var inWindow = ArticlesFor([], since, upTo);
        return new News(await inWindow.AnyAsync(ct),
            [.. await inWindow.SelectMany(a => a.Rubrics.Select(r => r.RubricId)).Distinct().ToListAsync(ct)]);
    }

    private sealed record News(bool Any, HashSet<int> Rubrics);

    /// <summary>A breaking-news alert for one visible article to everyone who asked for alerts; once per article.</summary>
    public async Task<DigestRun?> PlanAlertAsync(int articleId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var key = $"alert:{articleId}";
        if (!await db.Articles.Where(a => a.Id == articleId).VisibleAt(now).AnyAsync(ct)) return null;
        if (await db.DigestRuns.AnyAsync(r => r.Key == key, ct)) return null;
        var run = new DigestRun { Key = key, Kind = DigestKind.Alert, ArticleId = articleId, UpTo = now, CreatedAt = now };
        var ids = await db.Subscribers.Where(s => s.State == SubscriberState.Confirmed && s.BreakingAlerts).Select(s => s.Id).ToListAsync(ct);
        foreach (var id in ids) run.Deliveries.Add(new DigestDelivery { SubscriberId = id, Since = now });
        if (run.Deliveries.Count == 0) run.FinishedAt = run.CreatedAt;
        if (!await SaveAsync(run, ct)) return null;
        log.LogInformation("Planned {Key} for {Count} recipients", run.Key, run.Deliveries.Count);
        return run;
    }

    /// <summary>Visible at the end of the window, published inside it, in the chosen rubrics (none chosen: all).</summary>
    public IQueryable<Article> ArticlesFor(List<int> rubricIds, DateTime since, DateTime upTo) =>
        db.Articles.AsNoTracking().VisibleAt(upTo)
            .Where(a => a.PublishedAt > since && (rubricIds.Count == 0 || a.Rubrics.Any(r => rubricIds.Contains(r.RubricId))));

    /// <summary>Writes the run; false when another node (or an overlapping tick) planned the same edition first: its run stands.</summary>
    private async Task<bool> SaveAsync(DigestRun run, CancellationToken ct)
    {
        db.Add(run);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (DuplicateKey.IsViolation(e))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
