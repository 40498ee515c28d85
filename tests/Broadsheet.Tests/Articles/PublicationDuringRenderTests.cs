using Broadsheet.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Articles;

/// <summary>
/// On a busy night a front page is being drawn at the moment a story is published: that page was read before the
/// publication and may be served to the reader who asked for it, but neither it nor what it loaded may be kept for
/// the readers after, or the story stays off the front page until the copy expires.
/// </summary>
public sealed class PublicationDuringRenderTests : IDisposable
{
    private static readonly HttpContextAccessor Requests = new();
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;
    // The front page's last reading, once every story is in hand: held there, the page itself is from before the publication.
    private readonly HeldReading held = new("SitePages", () => Requests.HttpContext?.Request.Path == "/");

    public PublicationDuringRenderTests()
    {
        app.Replace = services => services.AddSingleton<IInterceptor>(held);
        publication = new TestPublication(app);
    }

    public void Dispose()
    {
        held.Release();
        app.Dispose();
    }

    private static List<string> Titles(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".teaser__title, .stream__list a").Select(a => a.TextContent.Trim())];

    [Fact]
    public async Task A_story_published_while_the_front_page_is_drawn_is_on_the_next_one()
    {
        await publication.ArticleAsync("Polls open across the region", publishedAt: app.Clock.GetUtcNow().UtcDateTime.AddHours(-1));
        app.Clock.Advance(TimeSpan.FromSeconds(1));

        held.Hold();
        var drawing = app.GetPageAsync("/");
        await held.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        await publication.ArticleAsync("Turnout passes forty per cent", publishedAt: app.Clock.GetUtcNow().UtcDateTime);
        // The night goes on: the page under way is finished after the publication, not at its very instant.
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        held.Release();
        var drawn = await drawing.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.DoesNotContain("Turnout passes forty per cent", Titles(drawn));

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Contains("Turnout passes forty per cent", Titles(await app.GetPageAsync("/")));
    }
}
