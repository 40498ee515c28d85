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
    /// hundred thousand subscribers is a handful of queries: the subscribers' choices in one, what is new in one
    /// per distinct window start (every subscriber planned together shares one), and one update that moves
    /// everybody's window on.
    /// </summary>
    public async Task<DigestRun?> PlanAsync(DigestKind kind, DateOnly edition, DateTime upTo, CancellationToken ct)
    {
        var key = $"{kind.ToString().ToLowerInvariant()}:{edition:yyyy-MM-dd}";
        if (await db.DigestRuns.AnyAsync(r => r.Key == key, ct)) return null;
        var frequency = kind == DigestKind.Weekly ? DigestFrequency.Weekly : DigestFrequency.Daily;
        var plannedAt = clock.GetUtcNow().UtcDateTime;
        var subscribers = await Due(frequency, upTo, plannedAt)
            .Select(s => new { s.Id, s.DigestUpTo, Rubrics = s.Rubrics.Select(r => r.RubricId).ToList() })
            .AsNoTracking().ToListAsync(ct);
        var run = new DigestRun { Key = key, Kind = kind, UpTo = upTo, CreatedAt = upTo };
        var news = new Dictionary<DateTime, News>();
        foreach (var subscriber in subscribers)
        {
            // A new subscriber's first edition is the next one due, with the news of the period it covers,
            // even from before they signed up: counting from the sign-up would send nothing at 07:00 to
            // someone who subscribed at 06:30, and their first digest would come a day later.
            var since = subscriber.DigestUpTo ?? upTo - (kind == DigestKind.Weekly ? TimeSpan.FromDays(7) : TimeSpan.FromDays(1));
            if (!news.TryGetValue(since, out var window)) news[since] = window = await NewsAsync(since, upTo, ct);
            // Nothing new in their rubrics means no mail at all, not an empty digest.
            if (subscriber.Rubrics.Count == 0 ? window.Any : subscriber.Rubrics.Exists(window.Rubrics.Contains))
                run.Deliveries.Add(new DigestDelivery { SubscriberId = subscriber.Id, Since = since });
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var saved = await SaveAsync(run, ct);
        if (saved is null) return null;
        await Due(frequency, upTo, plannedAt).ExecuteUpdateAsync(s => s.SetProperty(x => x.DigestUpTo, upTo), ct);
        await transaction.CommitAsync(ct);
        return saved;
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
        return await SaveAsync(run, ct);
    }

    /// <summary>Visible at the end of the window, published inside it, in the chosen rubrics (none chosen: all).</summary>
    public IQueryable<Article> ArticlesFor(List<int> rubricIds, DateTime since, DateTime upTo) =>
        db.Articles.AsNoTracking().VisibleAt(upTo)
            .Where(a => a.PublishedAt > since && (rubricIds.Count == 0 || a.Rubrics.Any(r => rubricIds.Contains(r.RubricId))));

    private async Task<DigestRun?> SaveAsync(DigestRun run, CancellationToken ct)
    {
        if (run.Deliveries.Count == 0) run.FinishedAt = run.CreatedAt;
        db.Add(run);
        try
        {
            await db.SaveChangesAsync(ct);
            log.LogInformation("Planned {Key} for {Count} recipients", run.Key, run.Deliveries.Count);
            return run;
        }
        catch (DbUpdateException e) when (DuplicateKey.IsViolation(e))
        {
            // Another node (or an overlapping tick) planned the same edition first; its run stands.
            db.ChangeTracker.Clear();
            return null;
        }
    }
}
