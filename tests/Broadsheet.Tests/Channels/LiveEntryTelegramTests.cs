using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Channels;

/// <summary>"Send to Telegram" on the live desk: a ticked entry goes to the channel with its own permalink; an unticked one does not.</summary>
public sealed class LiveEntryTelegramTests : IDisposable
{
    private const string Token = "123456789:AAE-test_Token";
    private const string Chat = "@broadsheet_test";

    private readonly FakeBotApi bot = new(Token, Chat);
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public LiveEntryTelegramTests()
    {
        bot.Serve(app);
        publication = new TestPublication(app);
    }

    public void Dispose()
    {
        app.Dispose();
        bot.Dispose();
    }

    [Fact]
    public async Task A_ticked_entry_goes_to_the_channel_with_its_headline_text_and_permalink()
    {
        var article = await LiveArticleAsync("Election night & the count");
        var editor = await app.SignedInAsync(StaffRoles.Author);
        var desk = $"/newsroom/articles/{article.Id}/live";
        Assert.NotNull((await editor.GetDocumentAsync(desk)).QuerySelector("[data-live-composer] input[type=checkbox][name=ToTelegram]"));

        using (var posted = await editor.SubmitAsync(desk, "Post", ("Headline", "Turnout <71%>"), ("ToTelegram", "true"),
            ("Body", "The commission gives **71%**.\n\n```results\ntitle: Share of the vote\nHarbour Party | 38\nGreen Valley | 35\n```")))
            Assert.Equal(System.Net.HttpStatusCode.Redirect, posted.StatusCode);
        var entryId = await app.WithDbAsync(db => db.LiveEntries.Where(e => e.ArticleId == article.Id).Select(e => e.Id).SingleAsync());

        var link = $"https://news.test{PageUrl.Of(app, article)}#update-{entryId}";
        var sent = await SentAsync(link);
        Assert.Empty(bot.Violations);
        Assert.Equal(
            "<b>Turnout &lt;71%&gt;</b>\n<i>Election night &amp; the count</i>\n\nThe commission gives 71%.\n\n" +
            $"<a href=\"{link}\">{link}</a>",
            sent.Text);
        Assert.Equal(link, sent.Json!.Value.GetProperty("link_preview_options").GetProperty("url").GetString());
    }

    [Fact]
    public async Task An_entry_not_ticked_stays_off_the_channel()
    {
        var article = await LiveArticleAsync("Storm night");
        var editor = await app.SignedInAsync(StaffRoles.Author);
        var desk = $"/newsroom/articles/{article.Id}/live";
        (await editor.SubmitAsync(desk, "Post", ("Body", "Only on the site."))).Dispose();
        (await editor.SubmitAsync(desk, "Post", ("Body", "On the channel too."), ("ToTelegram", "true"))).Dispose();

        // The queue is first in, first out: once the second has gone, the first would have gone before it.
        var sent = await SentAsync("On the channel too.");
        Assert.DoesNotContain(bot.Requests, r => r.Text.Contains("Only on the site.", StringComparison.Ordinal));
        Assert.StartsWith("<b>Storm night</b>\n\nOn the channel too.", sent.Text);
    }

    [Fact]
    public async Task Without_a_channel_the_desk_offers_no_telegram_box()
    {
        using var plain = new BroadsheetApp();
        var article = await new TestPublication(plain).ArticleAsync("Quiet night");
        var editor = await plain.SignedInAsync(StaffRoles.Author);
        var page = await editor.GetDocumentAsync($"/newsroom/articles/{article.Id}/live");
        Assert.NotNull(page.QuerySelector("[data-live-composer]"));
        Assert.Null(page.QuerySelector("input[name=ToTelegram]"));
    }

    /// <summary>Waits (the post goes out off the request path) for the request whose text holds <paramref name="words"/>.</summary>
    private async Task<BotRequest> SentAsync(string words)
    {
        for (var i = 0; i < 200; i++)
        {
            if (bot.Requests.FirstOrDefault(r => r.Json is not null && r.Text.Contains(words, StringComparison.Ordinal)) is { } found) return found;
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException($"Nothing with «{words}» reached the fake Bot API; it had {bot.Requests.Count} requests.");
    }

    private async Task<Article> LiveArticleAsync(string title)
    {
        var article = await publication.ArticleAsync(title);
        await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Live, LiveState.Running)));
        return article;
    }
}
