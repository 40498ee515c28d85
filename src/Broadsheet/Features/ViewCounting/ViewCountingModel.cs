using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.ViewCounting;

public static class ViewCountingModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<DailyViews>(d =>
        {
            d.HasKey(x => new { x.Day, x.ArticleId });
            d.HasIndex(x => x.ArticleId);
        });
        // Keyed by hour first: "the last hour" and the monthly prune read a range of hours;
        // one article's hours since publication go through the second index.
        model.Entity<HourlyViews>(h =>
        {
            h.HasKey(x => new { x.Hour, x.ArticleId });
            h.HasIndex(x => new { x.ArticleId, x.Hour });
        });
    }
}
