using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Pages;

public static class PagesModel
{
    public static void Configure(ModelBuilder model) => model.Entity<SitePage>(p =>
    {
        p.ToTable("SitePages");
        p.Property(x => x.Slug).HasMaxLength(SitePageAddress.MaxLength);
        p.Property(x => x.Title).HasMaxLength(200);
        p.HasIndex(x => x.Slug).IsUnique();
    });
}
