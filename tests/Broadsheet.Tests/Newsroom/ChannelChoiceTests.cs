using System.Xml.Linq;
using Broadsheet.Features.Channels;
using Broadsheet.Features.Site;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Newsroom;

public sealed class ChannelChoiceTests : IDisposable
{
    private readonly BroadsheetApp app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task An_editor_chooses_the_channels_an_article_goes_to_and_a_settings_save_keeps_the_choice()
    {
        var admin = await app.SignedInAsync("Admin");
        using (var saved = await admin.SubmitAsync("/newsroom/settings", null,
            ("Input.Channels", "Dzen | https://dzen.ru/example | chosen\nTelegram | https://t.me/example")))
            Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        var dzen = await app.WithDbAsync(db => db.Channels.SingleAsync(c => c.Name == "Dzen"));
        Assert.True(dzen.ChosenArticlesOnly);

        using (var chosen = await admin.SubmitAsync("/newsroom/articles/new", "Publish",
            ("Input.Title", "Chosen for Dzen"), ("Input.Channels", dzen.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            Assert.Equal(System.Net.HttpStatusCode.Redirect, chosen.StatusCode);
        using (var other = await admin.SubmitAsync("/newsroom/articles/new", "Publish", ("Input.Title", "Not for Dzen")))
            Assert.Equal(System.Net.HttpStatusCode.Redirect, other.StatusCode);

        // Saving the settings again (the same channels, reordered) keeps the channel and its chosen articles.
        using (var again = await admin.SubmitAsync("/newsroom/settings", null,
            ("Input.Channels", "Telegram | https://t.me/example\nDzen | https://dzen.ru/example | chosen")))
            Assert.Equal(System.Net.HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(dzen.Id, await app.WithDbAsync(db => db.Channels.Where(c => c.Name == "Dzen").Select(c => c.Id).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.ArticleChannels.CountAsync(x => x.ChannelId == dzen.Id)));

        var feed = XDocument.Parse(await app.Reader().GetStringAsync("/feed/channel/dzen"));
        Assert.Equal(["Chosen for Dzen"], feed.Descendants("item").Select(i => (string?)i.Element("title")));
        var telegram = XDocument.Parse(await app.Reader().GetStringAsync("/feed/channel/telegram"));
        Assert.Equal(2, telegram.Descendants("item").Count());
    }
}
