using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Comments;

public static class CommentsModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<Comment>(c =>
        {
            c.Property(x => x.Text).HasMaxLength(Comment.TextMax);
            c.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.Rule).HasMaxLength(400);
            c.Property(x => x.Address).HasMaxLength(64);
            c.HasOne<Article>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
            // Deleting an account keeps its comments, authorless.
            c.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.SetNull);
            c.HasOne<Comment>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
            // The article's thread oldest first; an account's recent comments for limits and history; the queue.
            c.HasIndex(x => new { x.ArticleId, x.Status, x.Id });
            c.HasIndex(x => new { x.AccountId, x.CreatedAt });
            c.HasIndex(x => new { x.Address, x.CreatedAt });
            c.HasIndex(x => new { x.Status, x.FlagCount });
        });
        model.Entity<CommentFlag>(f =>
        {
            f.Property(x => x.Reason).HasConversion<string>().HasMaxLength(20);
            f.HasOne<Comment>().WithMany().HasForeignKey(x => x.CommentId).OnDelete(DeleteBehavior.Cascade);
            f.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
            f.HasIndex(x => new { x.CommentId, x.AccountId }).IsUnique();
        });
        model.Entity<ArticleCommentPolicy>(p =>
        {
            p.HasKey(x => x.ArticleId);
            p.HasOne<Article>().WithOne().HasForeignKey<ArticleCommentPolicy>(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
