using System.Threading.Channels;
using AngleSharp.Html.Parser;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Live;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Channels;

/// <summary>
/// Sends a live entry to the Telegram channel when the reporter ticks "Send to Telegram" on posting: the article's
/// title, the entry's headline and text (figures and charts stay on the site), and the entry's permalink. Off the
/// request path, so a slow or throttled Bot API never holds up the desk; <see cref="TelegramBot"/> does the retries.
/// The queue is in memory: an entry queued when the process dies is not sent (the desk said "on its way", the site
/// has the entry), which for a public channel is the lesser harm than a double post.
/// </summary>
public sealed class LiveEntryPoster(IServiceScopeFactory scopes, TelegramOptions options, SiteSettingsStore settings,
    PublicOrigin publicOrigin, TimeProvider clock, ILogger<LiveEntryPoster> log) : BackgroundService
{
    private const int TextLength = 900;
    private static readonly HtmlParser Parser = new();
    private readonly Channel<int> queue = System.Threading.Channels.Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true });

    public bool IsConfigured => options.IsConfigured;

    /// <returns>False when Telegram is not configured (nothing is queued).</returns>
    public bool Send(int entryId) => options.IsConfigured && queue.Writer.TryWrite(entryId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var entryId in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try { await PostAsync(entryId, stoppingToken); }
            catch (TelegramRefusedException e) { log.LogWarning("Telegram did not take live entry {EntryId}: {Error}", entryId, e.Message); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Live entry {EntryId} could not be sent to Telegram", entryId);
            }
        }
    }

    private async Task PostAsync(int entryId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var entry = await db.LiveEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId && !e.IsDeleted, ct);
        if (entry is null) return;
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == entry.ArticleId).VisibleAt(clock.GetUtcNow().UtcDateTime).FirstOrDefaultAsync(ct);
        // A live page not yet published has no address to send readers to.
        if (article is null) return;
        if (await publicOrigin.ForLinksOutAsync("Telegram posts", ct) is not { } origin) return;
        var context = await settings.GetAsync(ct);
        var link = $"{origin}{ArticleUrl.For(context, article.PublishedAt!.Value, article.Slug)}#{LiveEntryHtml.Anchor(entry.Id)}";

        var text = entry.Headline is { Length: > 0 } headline
            ? $"<b>{TelegramPoster.Escape(headline)}</b>\n<i>{TelegramPoster.Escape(article.Title)}</i>"
            : $"<b>{TelegramPoster.Escape(article.Title)}</b>";
        if (PlainText(entry.BodyHtml) is { Length: > 0 } plain) text += $"\n\n{TelegramPoster.Escape(Teaser.Shorten(plain, TextLength))}";
        text += $"\n\n<a href=\"{TelegramPoster.Escape(link)}\">{TelegramPoster.Escape(link)}</a>";

        var sent = await scope.ServiceProvider.GetRequiredService<TelegramBot>().SendMessageAsync(text, link, ct);
        log.LogInformation("Live entry {EntryId} of article {ArticleId} went to Telegram as message {MessageId}", entry.Id, entry.ArticleId, sent.MessageId);
    }

    /// <summary>The entry's paragraphs without markup; a data block's table and chart are left for the page.</summary>
    private static string PlainText(string bodyHtml)
    {
        var document = Parser.ParseDocument("<!DOCTYPE html><html><body></body></html>");
        var body = document.Body!;
        foreach (var node in Parser.ParseFragment(bodyHtml, body).ToList()) body.AppendChild(node);
        foreach (var figure in body.QuerySelectorAll("figure").ToList()) figure.Remove();
        return string.Join("\n\n", body.Children.Select(e => e.TextContent.Trim()).Where(t => t.Length > 0));
    }
}
