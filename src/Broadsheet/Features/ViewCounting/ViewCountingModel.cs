using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.ViewCounting;

public static class ViewCountingModel
{
    public static void Configure(ModelBuilder model) =>
        model.Entity<DailyViews>(d =>
        {
            d.HasKey(x => new { x.Day, x.ArticleId });
            d.HasIndex(x => x.ArticleId);
        });
}
