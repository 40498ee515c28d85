using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Channels;
using Broadsheet.Features.Comments;
using Broadsheet.Features.Moderation;
using Broadsheet.Features.Newsletter;
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
    public DbSet<Features.Pages.SitePage> SitePages => Set<Features.Pages.SitePage>();
    public DbSet<Channel> Channels => Set<Channel>();
    public DbSet<ViewTotal> ViewTotals => Set<ViewTotal>();
    public DbSet<DailyViews> DailyViews => Set<DailyViews>();
    public DbSet<HourlyViews> HourlyViews => Set<HourlyViews>();
    public DbSet<FrontPagePick> FrontPagePicks => Set<FrontPagePick>();
    public DbSet<BreakingNews> BreakingNews => Set<BreakingNews>();
    public DbSet<Correction> Corrections => Set<Correction>();
    public DbSet<ArticleSlugHistory> ArticleSlugHistory => Set<ArticleSlugHistory>();
    public DbSet<TagSlugHistory> TagSlugHistory => Set<TagSlugHistory>();
    public DbSet<Features.Articles.History.Revision> Revisions => Set<Features.Articles.History.Revision>();
    public DbSet<Features.Live.LiveEntry> LiveEntries => Set<Features.Live.LiveEntry>();
    public DbSet<Features.Audit.AuditEntry> AuditLog => Set<Features.Audit.AuditEntry>();
    public DbSet<TypoReport> TypoReports => Set<TypoReport>();
    public DbSet<Features.Newsroom.Media.MediaItem> Media => Set<Features.Newsroom.Media.MediaItem>();
    public DbSet<Features.Newsroom.Articles.PendingEdit> PendingEdits => Set<Features.Newsroom.Articles.PendingEdit>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<Features.Import.ImportedItem> ImportedItems => Set<Features.Import.ImportedItem>();
    public DbSet<Features.Import.ImportedLink> ImportedLinks => Set<Features.Import.ImportedLink>();
    public DbSet<Features.Import.ImportRun> ImportRuns => Set<Features.Import.ImportRun>();
    public DbSet<CommentFlag> CommentFlags => Set<CommentFlag>();
    public DbSet<ArticleCommentPolicy> ArticleCommentPolicies => Set<ArticleCommentPolicy>();
    public DbSet<CommentRule> CommentRules => Set<CommentRule>();
    public DbSet<Subscriber> Subscribers => Set<Subscriber>();
    public DbSet<DigestRun> DigestRuns => Set<DigestRun>();
    public DbSet<DigestDelivery> DigestDeliveries => Set<DigestDelivery>();
    public DbSet<ArticleChannel> ArticleChannels => Set<ArticleChannel>();
    public DbSet<Features.Feeds.SitemapMonth> SitemapMonths => Set<Features.Feeds.SitemapMonth>();
    public DbSet<TelegramPost> TelegramPosts => Set<TelegramPost>();

    public DbSet<Jobs.JobLease> JobLeases => Set<Jobs.JobLease>();
    public DbSet<Features.Newsroom.Workflow.Notification> Notifications => Set<Features.Newsroom.Workflow.Notification>();
    public DbSet<Features.Newsroom.Workflow.EditorialNote> EditorialNotes => Set<Features.Newsroom.Workflow.EditorialNote>();
    public DbSet<Features.Newsroom.Workflow.ArticleAssignment> ArticleAssignments => Set<Features.Newsroom.Workflow.ArticleAssignment>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        ArticleModel.Configure(builder);
        Features.Live.LiveEntry.Configure(builder);
        SiteModel.Configure(builder);
        Features.Pages.PagesModel.Configure(builder);
        ViewCountingModel.Configure(builder);
        Features.Newsroom.NewsroomModel.Configure(builder);
        Features.Newsroom.Workflow.WorkflowModel.Configure(builder);
        NewsletterModel.Configure(builder);
        ChannelsModel.Configure(builder);
        TypoReportModel.Configure(builder);
        Jobs.JobsSetup.Configure(builder);
        CommentsModel.Configure(builder);
        Features.Import.ImportModel.Configure(builder);
        Features.Feeds.SitemapMonth.Configure(builder);
        builder.Entity<Account>(a => { a.Property(x => x.DisplayNameKey).HasMaxLength(80); a.Property(x => x.ConsentVersion).HasMaxLength(40); a.HasIndex(x => x.DisplayNameKey); a.Property(x => x.NewsroomLanguage).HasMaxLength(2); });
        AccountsModel.ConfigurePasskeys(builder);
        ModerationModel.Configure(builder);
        // These tables were named after their types before the context had a property for each; without a
        // name of their own they would take the property's, a migration that renames tables for nothing.
        builder.Entity<Comment>().ToTable(nameof(Comment));
        builder.Entity<CommentFlag>().ToTable(nameof(CommentFlag));
        builder.Entity<ArticleCommentPolicy>().ToTable(nameof(ArticleCommentPolicy));
        builder.Entity<CommentRule>().ToTable(nameof(CommentRule));
        builder.Entity<Subscriber>().ToTable(nameof(Subscriber));
        builder.Entity<DigestRun>().ToTable(nameof(DigestRun));
        builder.Entity<DigestDelivery>().ToTable(nameof(DigestDelivery));
        builder.Entity<ArticleChannel>().ToTable(nameof(ArticleChannel));
        builder.Entity<TelegramPost>().ToTable(nameof(TelegramPost));
    }
}

public sealed class SqliteBroadsheetDb(DbContextOptions<SqliteBroadsheetDb> options) : BroadsheetDb(options);

public sealed class PostgresBroadsheetDb(DbContextOptions<PostgresBroadsheetDb> options) : BroadsheetDb(options);
