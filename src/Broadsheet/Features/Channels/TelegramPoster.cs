using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Broadsheet.Infrastructure.Data.Faults;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Channels;

/// <summary>
/// Follows article changes and posts each article to the Telegram channel once, when it first
/// becomes visible: headline in bold, the lead, and the link. An article scheduled for later is
/// posted on the first change announced after its time has come (the newsroom announces when a
/// scheduled article goes out).
/// </summary>
public sealed class TelegramPoster(
    IServiceScopeFactory scopes, TelegramOptions options, SiteSettingsStore settings,
    PublicOrigin publicOrigin, TimeProvider clock, ILogger<TelegramPoster> log) : IArticleObserver
{
    /// <summary>Telegram allows 4096 characters of text; a lead is cut well before that.</summary>
    private const int LeadLength = 600;

    public async Task ArticleChangedAsync(int articleId, CancellationToken ct)
    {
        if (!options.IsConfigured) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var context = await settings.GetAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == articleId).VisibleAt(now).FirstOrDefaultAsync(ct);
        if (article is null || !await GoesToTelegramAsync(db, context, articleId, ct)) return;
        // A post's link is read by the whole channel; better no post than one to localhost.
        if (await publicOrigin.ForLinksOutAsync("Telegram posts", ct) is not { } origin) return;
        if (!await ClaimAsync(db, articleId, now, ct)) return;

        var link = origin + ArticleUrl.For(context, article.PublishedAt!.Value, article.Slug);
        var text = $"<b>{Escape(article.Title)}</b>";
        if (article.Lead.Length > 0) text += $"\n\n{Escape(Teaser.Shorten(article.Lead, LeadLength))}";
        text += $"\n\n<a href=\"{Escape(link)}\">{Escape(link)}</a>";

        var bot = scope.ServiceProvider.GetRequiredService<TelegramBot>();
        try
        {
            var sent = await bot.SendMessageAsync(text, link, ct);
            await db.TelegramPosts.Where(p => p.ArticleId == articleId).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.State, TelegramPostState.Posted)
                .SetProperty(p => p.PostedAt, clock.GetUtcNow().UtcDateTime)
                .SetProperty(p => p.MessageId, sent.MessageId)
                .SetProperty(p => p.Attempts, p => p.Attempts + sent.Attempts)
                .SetProperty(p => p.LastError, (string?)null), CancellationToken.None);
        }
        catch (TelegramRefusedException e)
        {
            log.LogWarning("Telegram did not take article {ArticleId}: {Error}", articleId, e.Message);
            var error = e.Message.Length > 500 ? e.Message[..500] : e.Message;
            await db.TelegramPosts.Where(p => p.ArticleId == articleId).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.State, TelegramPostState.Failed)
                .SetProperty(p => p.Attempts, p => p.Attempts + options.MaxAttempts)
                .SetProperty(p => p.LastError, error), CancellationToken.None);
        }
    }

    /// <summary>The site's Telegram channel entry, if there is one, may limit posting to articles marked for it.</summary>
    private static async Task<bool> GoesToTelegramAsync(BroadsheetDb db, SiteContext context, int articleId, CancellationToken ct)
    {
        var channel = context.Settings.Channels.FirstOrDefault(c => Slug.From(c.Name) == "telegram");
        if (channel is not { ChosenArticlesOnly: true }) return true;
        return await db.ArticleChannels.AnyAsync(x => x.ChannelId == channel.Id && x.ArticleId == articleId, ct);
    }

    /// <summary>Inserts the guard row, or takes over a failed one; false when someone else holds it or it is done.</summary>
    private static async Task<bool> ClaimAsync(BroadsheetDb db, int articleId, DateTime now, CancellationToken ct)
    {
        var retaken = await db.TelegramPosts
            .Where(p => p.ArticleId == articleId && p.State == TelegramPostState.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.State, TelegramPostState.Posting).SetProperty(p => p.ClaimedAt, now), ct);
        if (retaken == 1) return true;
        if (await db.TelegramPosts.AnyAsync(p => p.ArticleId == articleId, ct)) return false;
        db.Add(new TelegramPost { ArticleId = articleId, State = TelegramPostState.Posting, ClaimedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (DuplicateKey.IsViolation(e))
        {
            // Another node inserted the guard row first; it posts.
            return false;
        }
    }

    /// <summary>The Bot API's HTML mode needs only these escaped, in text and in attribute values alike.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
