using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Import;

public static class ImportModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<ImportedItem>(i =>
        {
            i.Property(x => x.Kind).HasMaxLength(20);
            i.Property(x => x.Fingerprint).HasMaxLength(64);
            i.HasIndex(x => new { x.Kind, x.SourceId }).IsUnique();
        });
        model.Entity<ImportedLink>(l =>
        {
            l.Property(x => x.Path).HasMaxLength(ImportedLink.PathMax);
            l.Property(x => x.Kind).HasMaxLength(20);
            l.HasIndex(x => x.Path).IsUnique();
        });
        // The comments' own model is the Comments feature's; only the name an import brings is configured here.
        model.Entity<Comments.Comment>().Property(x => x.GuestName).HasMaxLength(100);
    }
}
