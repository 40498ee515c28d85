using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.TypoReports;

public static class TypoReportModel
{
    public static void Configure(ModelBuilder model) =>
        model.Entity<TypoReport>(r =>
        {
            r.Property(x => x.Fragment).HasMaxLength(TypoReport.FragmentMax);
            r.Property(x => x.Before).HasMaxLength(TypoReport.ContextMax);
            r.Property(x => x.After).HasMaxLength(TypoReport.ContextMax);
            r.Property(x => x.Suggestion).HasMaxLength(TypoReport.SuggestionMax);
            r.Property(x => x.Comment).HasMaxLength(TypoReport.CommentMax);
            r.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            r.HasOne<Articles.Article>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
            // Folding looks up an article's reports by fragment; the inbox lists open reports newest first.
            r.HasIndex(x => new { x.ArticleId, x.Fragment });
            r.HasIndex(x => new { x.Status, x.LastReportedAt });
            r.HasIndex(x => x.DigestedAt);
        });
}
