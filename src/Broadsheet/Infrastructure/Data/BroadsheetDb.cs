using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Broadsheet.Features.TypoReports;
using Broadsheet.Features.ViewCounting;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Infrastructure.Data;

/// <summary>One model for both providers; <see cref="SqliteBroadsheetDb"/> and <see cref="PostgresBroadsheetDb"/> exist only so each keeps its own migrations.</summary>
public abstract class BroadsheetDb(DbContextOptions options) : IdentityDbContext<Account>(options)
{
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Rubric> Rubrics => Set<Rubric>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<Author> Authors => Set<Author>();
    public DbSet<ArticleAuthor> ArticleAuthors => Set<ArticleAuthor>();
    public DbSet<ArticleRubric> ArticleRubrics => Set<ArticleRubric>();
    public DbSet<ArticleTag> ArticleTags => Set<ArticleTag>();
    public DbSet<SiteSettings> SiteSettings => Set<SiteSettings>();
    public DbSet<Channel> Channels => Set<Channel>();
    public DbSet<DailyViews> DailyViews => Set<DailyViews>();
    public DbSet<Correction> Corrections => Set<Correction>();
    public DbSet<ArticleSlugHistory> ArticleSlugHistory => Set<ArticleSlugHistory>();
    public DbSet<TagSlugHistory> TagSlugHistory => Set<TagSlugHistory>();
    public DbSet<Features.Articles.History.Revision> Revisions => Set<Features.Articles.History.Revision>();
    public DbSet<Features.Audit.AuditEntry> AuditLog => Set<Features.Audit.AuditEntry>();
    public DbSet<TypoReport> TypoReports => Set<TypoReport>();
    public DbSet<Features.Newsroom.Media.MediaItem> Media => Set<Features.Newsroom.Media.MediaItem>();

    public DbSet<Jobs.JobLease> JobLeases => Set<Jobs.JobLease>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        ArticleModel.Configure(builder);
        SiteModel.Configure(builder);
        ViewCountingModel.Configure(builder);
        Features.Newsroom.NewsroomModel.Configure(builder);
        Features.Newsletter.NewsletterModel.Configure(builder);
        Features.Channels.ChannelsModel.Configure(builder);
        TypoReportModel.Configure(builder);
        Jobs.JobsSetup.Configure(builder);
        Features.Comments.CommentsModel.Configure(builder);
        builder.Entity<Account>(a => { a.Property(x => x.DisplayNameKey).HasMaxLength(80); a.HasIndex(x => x.DisplayNameKey); });
        AccountsModel.ConfigurePasskeys(builder);
        Features.Moderation.ModerationModel.Configure(builder);
    }
}

public sealed class SqliteBroadsheetDb(DbContextOptions<SqliteBroadsheetDb> options) : BroadsheetDb(options);

public sealed class PostgresBroadsheetDb(DbContextOptions<PostgresBroadsheetDb> options) : BroadsheetDb(options);
