using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Articles;

public static class ArticleModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<Article>(a =>
        {
            a.Property(x => x.Slug).HasMaxLength(200);
            a.Property(x => x.Title).HasMaxLength(300);
            a.Property(x => x.Lead).HasMaxLength(2000);
            a.Property(x => x.Language).HasMaxLength(5);
            a.Property(x => x.DatelineCity).HasMaxLength(100);
            a.Property(x => x.CoverImage).HasMaxLength(300);
            a.Property(x => x.CoverCaption).HasMaxLength(500);
            a.Property(x => x.CoverAlt).HasMaxLength(500);
            a.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            a.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            a.Property(x => x.Version).IsConcurrencyToken();
            a.HasIndex(x => x.Slug).IsUnique();
            // Every reader-facing listing filters on status and orders by publication time, newest first.
            a.HasIndex(x => new { x.Status, x.PublishedAt, x.Id });
            // The search indexer compares every article's version with the index's at each start: read from this
            // narrow index, not from the rows, where the version sits behind the body (the whole table, GBs at a million).
            a.HasIndex(x => new { x.Id, x.Version }, "IX_Articles_Versions");
            a.HasMany(x => x.Authors).WithOne().HasForeignKey(x => x.ArticleId);
            a.HasMany(x => x.Rubrics).WithOne().HasForeignKey(x => x.ArticleId);
            a.HasMany(x => x.Tags).WithOne().HasForeignKey(x => x.ArticleId);
            a.HasOne(x => x.Views).WithOne().HasForeignKey<ViewTotal>(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
            // The front page's fallback lead, "the newest marked story of any age", reads this small index
            // newest first instead of walking every published article when none is marked.
            a.HasIndex(x => new { x.Status, x.PublishedAt, x.Id }, "IX_Articles_Marked").HasFilter("\"Prominence\" > 0");
        });
        model.Entity<ViewTotal>(v =>
        {
            v.HasKey(x => x.ArticleId);
            v.Property(x => x.ArticleId).ValueGeneratedNever();
        });
        model.Entity<FrontPagePick>(p =>
        {
            p.HasIndex(x => new { x.RubricId, x.Position });
            // A story withdrawn for good, or a rubric removed, takes its place on the front page with it.
            p.HasOne<Article>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
            p.HasOne<Rubric>().WithMany().HasForeignKey(x => x.RubricId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<BreakingNews>(b =>
        {
            b.Property(x => x.Text).HasMaxLength(BreakingNews.MaxText);
            b.Property(x => x.Link).HasMaxLength(500);
            b.Property(x => x.SetBy).HasMaxLength(256);
        });
        model.Entity<ArticleAuthor>(j =>
        {
            j.HasKey(x => new { x.ArticleId, x.AuthorId });
            j.HasIndex(x => new { x.AuthorId, x.ArticleId });
        });
        model.Entity<ArticleRubric>(j =>
        {
            j.HasKey(x => new { x.ArticleId, x.RubricId });
            j.HasIndex(x => new { x.RubricId, x.ArticleId });
        });
        model.Entity<ArticleTag>(j =>
        {
            j.HasKey(x => new { x.ArticleId, x.TagId });
            j.HasIndex(x => new { x.TagId, x.ArticleId });
        });
        model.Entity<Rubric>(r =>
        {
            r.Property(x => x.Slug).HasMaxLength(100);
            r.Property(x => x.Name).HasMaxLength(100);
            r.HasIndex(x => x.Slug).IsUnique();
        });
        model.Entity<Tag>(t =>
        {
            t.Property(x => x.Slug).HasMaxLength(100);
            t.Property(x => x.Name).HasMaxLength(100);
            t.HasIndex(x => x.Slug).IsUnique();
        });
        model.Entity<Author>(p =>
        {
            p.Property(x => x.Slug).HasMaxLength(100);
            p.Property(x => x.Name).HasMaxLength(150);
            p.Property(x => x.Photo).HasMaxLength(300);
            p.Property(x => x.NameEn).HasMaxLength(150);
            p.Property(x => x.NameRu).HasMaxLength(150);
            p.Property(x => x.Links).HasMaxLength(2000);
            p.HasIndex(x => x.Slug).IsUnique();
            p.Property(x => x.AccountId).HasMaxLength(450);
            p.HasIndex(x => x.AccountId);
        });
        model.Entity<Correction>(c =>
        {
            c.Property(x => x.Note).HasMaxLength(2000);
            c.HasIndex(x => new { x.ArticleId, x.MadeAt });
            c.HasOne<Article>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<ArticleSlugHistory>(h =>
        {
            h.Property(x => x.Slug).HasMaxLength(200);
            h.HasIndex(x => x.Slug).IsUnique();
            h.HasOne<Article>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<TagSlugHistory>(h =>
        {
            h.Property(x => x.Slug).HasMaxLength(100);
            h.HasIndex(x => x.Slug).IsUnique();
            h.HasOne<Tag>().WithMany().HasForeignKey(x => x.TagId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
