using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Site;

public static class SiteModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<SiteSettings>(s =>
        {
            s.Property(x => x.Id).ValueGeneratedNever();
            s.Property(x => x.PublicationName).HasMaxLength(200);
            s.Property(x => x.Tagline).HasMaxLength(300);
            s.Property(x => x.Language).HasMaxLength(5);
            s.Property(x => x.TimeZoneId).HasMaxLength(64);
            s.Property(x => x.TimeZoneLabel).HasMaxLength(64);
            s.Property(x => x.PublicUrl).HasMaxLength(200);
            s.Property(x => x.Publisher).HasMaxLength(300);
            s.Property(x => x.EditorInChief).HasMaxLength(200);
            s.Property(x => x.RegistrationNumber).HasMaxLength(300);
            s.Property(x => x.AgeRating).HasMaxLength(5);
            s.Property(x => x.EditorialAddress).HasMaxLength(300);
            s.Property(x => x.LogoPath).HasMaxLength(300);
            s.Property(x => x.IconPath).HasMaxLength(300);
            s.HasMany(x => x.Channels).WithOne().HasForeignKey(x => x.SiteSettingsId);
        });
        model.Entity<Channel>(c =>
        {
            c.Property(x => x.Name).HasMaxLength(50);
            c.Property(x => x.Url).HasMaxLength(500);
        });
    }
}
