using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Feeds;

/// <summary>
/// A month of publication (UTC) as the sitemap index lists it: how many published articles it holds and the
/// latest time one of them was published or updated. Kept by the database itself, by triggers on "Articles"
/// (migration <c>SitemapMonths</c>), so that every way an article is written (the newsroom, the scheduler, an
/// import, a bench's SQL) keeps it true in the same transaction, and the index reads a row a month instead of
/// aggregating the whole archive (11 s at 100,000 articles when it did).
/// </summary>
/// <remarks>
/// It counts status alone, not time: an article published with a date still to come is counted in its month
/// already, which is why the index reads the current month from the articles themselves. A month an article
/// left keeps its last change (the file did change). An EF table rebuild of "Articles" on SQLite would drop
/// the triggers; <c>SitemapTests</c> would then fail.
/// </remarks>
public sealed class SitemapMonth
{
    public int Year { get; set; }
    public int Month { get; set; }
    public int Articles { get; set; }
    public DateTime LastChange { get; set; }

    public static void Configure(ModelBuilder model) =>
        model.Entity<SitemapMonth>(m => m.HasKey(x => new { x.Year, x.Month }));
}
