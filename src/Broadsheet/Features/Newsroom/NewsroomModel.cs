using Broadsheet.Features.Articles;
using Broadsheet.Features.Audit;
using Broadsheet.Features.Articles.History;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom;

public static class NewsroomModel
{
    public static void Configure(ModelBuilder model)
    {
        Articles.PendingEdit.Configure(model);
        model.Entity<Revision>(r =>
        {
            r.Property(x => x.Title).HasMaxLength(300);
            r.Property(x => x.Lead).HasMaxLength(2000);
            r.Property(x => x.AccountId).HasMaxLength(450);
            r.Property(x => x.SavedBy).HasMaxLength(256);
            r.Property(x => x.Action).HasMaxLength(20);
            r.HasIndex(x => new { x.ArticleId, x.Id });
            r.HasOne<Article>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<AuditEntry>(e =>
        {
            e.Property(x => x.Actor).HasMaxLength(256);
            e.Property(x => x.Action).HasMaxLength(40);
            e.Property(x => x.AccountId).HasMaxLength(450);
            e.Property(x => x.Details).HasMaxLength(2000);
            // No foreign keys: the log outlives the articles and accounts it names.
            e.HasIndex(x => x.At);
        });
        model.Entity<Media.MediaItem>(m =>
        {
            m.Property(x => x.Path).HasMaxLength(300);
            m.Property(x => x.Format).HasMaxLength(10);
            m.Property(x => x.OriginalName).HasMaxLength(260);
            m.Property(x => x.Caption).HasMaxLength(1000);
            m.Property(x => x.Credit).HasMaxLength(300);
            m.Property(x => x.AltText).HasMaxLength(500);
            m.Property(x => x.UploadedBy).HasMaxLength(256);
            m.HasIndex(x => x.UploadedAt);
        });
    }
}
