using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Moderation;

public static class ModerationModel
{
    public static void Configure(ModelBuilder model) =>
        model.Entity<CommentRule>(r =>
        {
            r.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            r.Property(x => x.Action).HasConversion<string>().HasMaxLength(20);
            r.Property(x => x.Category).HasMaxLength(60);
            r.Property(x => x.Pattern).HasMaxLength(CommentRule.PatternMax);
            r.Property(x => x.Message).HasMaxLength(300);
            r.Property(x => x.Language).HasConversion<string>().HasMaxLength(10);
            r.Property(x => x.Forms).HasMaxLength(CommentRule.PatternMax);
            // Seeded by the migration, so a publication starts with rules mirroring its published rules text
            // and a moderator who deletes them does not see them come back on the next start.
            r.HasData(DefaultRules.All);
        });
}
