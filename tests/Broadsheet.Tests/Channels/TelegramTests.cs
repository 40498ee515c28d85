using Broadsheet.Features.Articles;
using Broadsheet.Features.Channels;
using Broadsheet.Features.Site;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Channels;

public sealed class TelegramTests : IDisposable
{
    private const string Token = "123456789:AAE-test_Token";
    private const string Chat = "@broadsheet_test";

    private readonly FakeBotApi bot = new(Token, Chat);
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public TelegramTests()
    {
        bot.Serve(app);
        publication = new TestPublication(app);
    }

    public void Dispose()
    {
        app.Dispose();
        bot.Dispose();
    }

    private Task AnnounceAsync(Article article) => app.Services.GetRequiredService<ArticleChanges>().AnnounceAsync(article.Id);

    private Task<TelegramPost?> PostOfAsync(Article article) =>
        app.WithDbAsync(db => db.TelegramPosts.AsNoTracking().FirstOrDefaultAsync(p => p.ArticleId == article.Id));

    [Fact]
    public async Task Publishing_posts_headline_lead_and_link_as_the_bot_api_expects()
    {
        var article = await publication.ArticleAsync("Smith & Sons <win> the tender", slug: "smith-sons-win",
            publishedAt: new DateTime(2024, 5, 15, 8, 0, 0, DateTimeKind.Utc), lead: "The city's \"biggest\" contract in a decade.");

        await AnnounceAsync(article);

        Assert.Empty(bot.Violations);
        var request = Assert.Single(bot.Requests);
        Assert.Equal(
            "<b>Smith &amp; Sons &lt;win&gt; the tender</b>\n\nThe city's &quot;biggest&quot; contract in a decade.\n\n" +
            "<a href=\"https://news.test/2024/05/15/smith-sons-win\">https://news.test/2024/05/15/smith-sons-win</a>",
            request.Text);
        Assert.Equal("https://news.test/2024/05/15/smith-sons-win", request.Json!.Value.GetProperty("link_preview_options").GetProperty("url").GetString());
        var post = await PostOfAsync(article);
        Assert.Equal(TelegramPostState.Posted, post!.State);
        Assert.Equal(101, post.MessageId);
    }

    [Fact]
    public async Task An_article_is_posted_once_however_often_it_changes()
    {
        var article = await publication.ArticleAsync("Budget passed");

        await Task.WhenAll(AnnounceAsync(article), AnnounceAsync(article), AnnounceAsync(article));
        await AnnounceAsync(article);

        Assert.Single(bot.Requests);
    }

    [Fact]
    public async Task Waits_out_retry_after_on_429_and_backs_off_on_500()
    {
        bot.TooManyRequestsNext(1);
        bot.ServerErrorNext();
        var article = await publication.ArticleAsync("Budget passed");

        await AnnounceAsync(article);

        var requests = bot.Requests.ToList();
        Assert.Equal(3, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(0.95), $"waited only {requests[1].At - requests[0].At}");
        Assert.Equal(requests[0].Text, requests[2].Text);
        Assert.Empty(bot.Violations);
        Assert.Equal(TelegramPostState.Posted, (await PostOfAsync(article))!.State);
    }

    [Fact]
    public async Task A_refusal_is_not_retried_at_once_but_on_the_next_change()
    {
        bot.AnswerNext(400, """{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}""");
        var article = await publication.ArticleAsync("Budget passed");

        await AnnounceAsync(article);
        Assert.Single(bot.Requests);
        var failed = await PostOfAsync(article);
        Assert.Equal(TelegramPostState.Failed, failed!.State);
        Assert.Contains("chat not found", failed.LastError);

        await AnnounceAsync(article);
        Assert.Equal(2, bot.Requests.Count);
        Assert.Equal(TelegramPostState.Posted, (await PostOfAsync(article))!.State);
    }

    [Fact]
    public async Task Drafts_and_scheduled_articles_wait_until_readers_can_see_them()
    {
        var draft = await publication.ArticleAsync("Not ready", status: ArticleStatus.Draft);
        var scheduled = await publication.ArticleAsync("Tomorrow's story", app.Clock.GetUtcNow().UtcDateTime.AddHours(2), ArticleStatus.Published);

        await AnnounceAsync(draft);
        await AnnounceAsync(scheduled);
        Assert.Empty(bot.Requests);

        app.Clock.Advance(TimeSpan.FromHours(3));
        await AnnounceAsync(scheduled);
        Assert.Contains("Tomorrow's story", Assert.Single(bot.Requests).Text);
    }

    [Fact]
    public async Task A_telegram_channel_that_takes_chosen_articles_gets_only_those()
    {
        await publication.SettingsAsync(s => s.Channels.Add(new Channel { Name = "Telegram", Url = "https://t.me/broadsheet_test", ChosenArticlesOnly = true }));
        var chosen = await publication.ArticleAsync("Chosen story");
        var other = await publication.ArticleAsync("Other story");
        await app.WithDbAsync(async db =>
        {
            var channel = await db.Channels.SingleAsync();
            db.Add(new ArticleChannel { ArticleId = chosen.Id, ChannelId = channel.Id });
            await db.SaveChangesAsync();
        });

        await AnnounceAsync(other);
        await AnnounceAsync(chosen);

        Assert.Contains("Chosen story", Assert.Single(bot.Requests).Text);
    }
}
