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
        model.Entity<ImportRun>(r =>
        {
            r.Property(x => x.StartedBy).HasMaxLength(256);
            r.Property(x => x.ExportName).HasMaxLength(260);
            r.Property(x => x.UploadsName).HasMaxLength(260);
            r.Property(x => x.State).HasMaxLength(20);
            r.Property(x => x.Node).HasMaxLength(200);
            r.Property(x => x.Error).HasMaxLength(2000);
            // NULLs do not collide, so only the one run under way holds the value.
            r.HasIndex(x => x.Underway).IsUnique();
        });
        // The comments' own model is the Comments feature's; only the name an import brings is configured here.
        model.Entity<Comments.Comment>().Property(x => x.GuestName).HasMaxLength(100);
    }
}
