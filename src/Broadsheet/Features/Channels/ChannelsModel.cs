using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Channels;

public static class ChannelsModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<ArticleChannel>(j =>
        {
            j.HasKey(x => new { x.ChannelId, x.ArticleId });
            j.HasIndex(x => new { x.ArticleId, x.ChannelId });
            j.HasOne<Article>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
            j.HasOne<Channel>().WithMany().HasForeignKey(x => x.ChannelId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<TelegramPost>(p =>
        {
            p.HasKey(x => x.ArticleId);
            p.Property(x => x.ArticleId).ValueGeneratedNever();
            p.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            p.Property(x => x.LastError).HasMaxLength(500);
            p.HasOne<Article>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
