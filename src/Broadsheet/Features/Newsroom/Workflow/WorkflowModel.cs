using Broadsheet.Features.Articles;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Workflow;

public static class WorkflowModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<Notification>(n =>
        {
            n.Property(x => x.AccountId).HasMaxLength(450);
            n.Property(x => x.ArticleTitle).HasMaxLength(300);
            n.Property(x => x.Kind).HasMaxLength(20);
            n.Property(x => x.Actor).HasMaxLength(256);
            n.Property(x => x.Note).HasMaxLength(EditorialNote.MaxLength);
            // No foreign key to the article: "deleted" is news too, and the bell keeps the title.
            n.HasIndex(x => new { x.AccountId, x.Id });
        });
        model.Entity<EditorialNote>(n =>
        {
            n.Property(x => x.AccountId).HasMaxLength(450);
            n.Property(x => x.WrittenBy).HasMaxLength(256);
            n.Property(x => x.Text).HasMaxLength(EditorialNote.MaxLength);
            n.HasIndex(x => new { x.ArticleId, x.Id });
            n.HasOne<Article>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<ArticleAssignment>(a =>
        {
            a.HasKey(x => x.ArticleId);
            a.Property(x => x.AccountId).HasMaxLength(450);
            a.Property(x => x.AssignedBy).HasMaxLength(256);
            a.HasIndex(x => x.AccountId);
            a.HasOne<Article>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
