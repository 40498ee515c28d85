using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Caching;
using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Archive;

/// <summary>A month of the archive: which days have articles, and where the neighbouring months with articles are.</summary>
public sealed record CalendarMonth(int Year, int Month, IReadOnlyDictionary<int, int> ArticlesByDay, DateOnly? Previous, DateOnly? Next, DayOfWeek FirstDayOfWeek)
{
    /// <summary>The grid's weeks: each cell a day of this month, or null for the padding before the first and after the last.</summary>
    public IEnumerable<int?[]> Weeks()
    {
        var first = new DateOnly(Year, Month, 1);
        var lead = ((int)first.DayOfWeek - (int)FirstDayOfWeek + 7) % 7;
        var days = DateTime.DaysInMonth(Year, Month);
        var cells = Enumerable.Repeat<int?>(null, lead).Concat(Enumerable.Range(1, days).Select(d => (int?)d)).ToList();
        while (cells.Count % 7 != 0) cells.Add(null);
        for (var i = 0; i < cells.Count; i += 7) yield return [.. cells.Skip(i).Take(7)];
    }

    public IEnumerable<DayOfWeek> WeekdayOrder() =>
        Enumerable.Range(0, 7).Select(i => (DayOfWeek)(((int)FirstDayOfWeek + i) % 7));
}

public sealed class ArchiveCalendar(BroadsheetDb db, SiteContext site, ListingMemo memo, TimeProvider clock)
{
    /// <summary>
    /// Counting a month means reading every publication time in it (the day depends on the site's
    /// zone, which SQL cannot apply portably), so the result is kept for a minute, or until
    /// something is published. "Now" is rounded to that minute for the same reason.
    /// </summary>
    public Task<CalendarMonth> MonthAsync(int year, int month, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMinute));
        return memo.GetOrLoadAsync("calendar", $"{year}:{month}:{now.Ticks}", () => LoadMonthAsync(year, month, now, ct));
    }

    private async Task<CalendarMonth> LoadMonthAsync(int year, int month, DateTime now, CancellationToken ct)
    {
        var (from, to) = MonthRange(year, month);
        var visible = db.Articles.AsNoTracking().VisibleAt(now);
        // The month's times, the last before it and the first after it in one query (a UNION ALL), not three: the
        // ranges do not overlap, so each time says which it is.
        var times = await visible.Where(a => a.PublishedAt >= from && a.PublishedAt < to).Select(a => a.PublishedAt!.Value)
            .Concat(visible.Where(a => a.PublishedAt < from).OrderByDescending(a => a.PublishedAt).Select(a => a.PublishedAt!.Value).Take(1))
            .Concat(visible.Where(a => a.PublishedAt >= to).OrderBy(a => a.PublishedAt).Select(a => a.PublishedAt!.Value).Take(1))
            .ToListAsync(ct);
        var byDay = times.Where(t => t >= from && t < to).GroupBy(t => site.ToLocal(t).Day).ToDictionary(g => g.Key, g => g.Count());
        var before = times.Where(t => t < from).Select(t => (DateTime?)t).FirstOrDefault();
        var after = times.Where(t => t >= to).Select(t => (DateTime?)t).FirstOrDefault();
        return new CalendarMonth(year, month, byDay,
            before is { } b ? site.LocalDate(b) : null,
            after is { } n ? site.LocalDate(n) : null,
            site.Culture.DateTimeFormat.FirstDayOfWeek);
    }

    /// <summary>The UTC instants bounding a month of the site's calendar.</summary>
    public (DateTime From, DateTime To) MonthRange(int year, int month)
    {
        var first = new DateTime(year, month, 1);
        return (site.ToUtc(first), site.ToUtc(first.AddMonths(1)));
    }

    public (DateTime From, DateTime To) DayRange(DateOnly day)
    {
        var start = day.ToDateTime(TimeOnly.MinValue);
        return (site.ToUtc(start), site.ToUtc(start.AddDays(1)));
    }

    public static bool IsValidMonth(int year, int month) => year is >= 1900 and <= 2999 && month is >= 1 and <= 12;
}
