using Broadsheet.Features.Articles;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Search;

/// <summary>How the search page offers a spelling: results for a clear correction, a question for a doubtful one, nothing when the words found something.</summary>
public sealed class SpellingPageTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public SpellingPageTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    private async Task<Article> ArticleAsync(string title, string language, string body = "Body text.")
    {
        var article = await publication.ArticleAsync(title, slug: Slug.From(title), body: body);
        await SearchPage.SetLanguageAsync(app, article, language);
        return article;
    }

    [Fact]
    public async Task A_clear_correction_shows_its_results_and_links_to_the_words_as_typed()
    {
        var stadium = await ArticleAsync("New stadium opens", "en");
        await ArticleAsync("Council meets", "en");
        await SearchPage.RebuildAsync(app);

        var page = await SearchPage.OpenAsync(app, "q=new+stadum");

        Assert.Equal([stadium.Id], SearchPage.HitIds(page));
        Assert.Null(page.QuerySelector(".search-nothing"));
        var line = page.QuerySelector(".search-correction")!;
        Assert.Equal("Showing results for new stadium. Search instead for new stadum", Normalised(line.TextContent));
        Assert.Equal("/search?q=new%20stadium", line.QuerySelector(".search-correction__corrected")!.GetAttribute("href"));
        var typed = line.QuerySelector(".search-correction__typed")!.GetAttribute("href")!;
        Assert.Equal("/search?q=new%20stadum&exact=1", typed);

        // The words as typed, asked for: nothing, and no second correction.
        var asTyped = await app.GetPageAsync(typed);
        Assert.Empty(SearchPage.HitIds(asTyped));
        Assert.Null(asTyped.QuerySelector(".search-correction"));
        Assert.NotNull(asTyped.QuerySelector(".search-nothing"));
    }

    [Fact]
    public async Task A_clear_correction_in_Russian_keeps_the_readers_capitals()
    {
        await publication.SettingsAsync(s => s.Language = "ru");
        var stadium = await ArticleAsync("Новый стадион откроют летом", "ru");
        await SearchPage.RebuildAsync(app);

        var page = await SearchPage.OpenAsync(app, "q=" + Uri.EscapeDataString("Стадеон"));

        Assert.Equal([stadium.Id], SearchPage.HitIds(page));
        Assert.Equal("Показаны результаты по запросу Стадион. Искать вместо этого Стадеон",
            Normalised(page.QuerySelector(".search-correction")!.TextContent));
    }

    [Fact]
    public async Task A_doubtful_correction_is_only_asked_about()
    {
        await ArticleAsync("Harbour crane collapses", "en");
        await ArticleAsync("Police drone grounded", "en");
        await SearchPage.RebuildAsync(app);

        var page = await SearchPage.OpenAsync(app, "q=crone");

        Assert.Empty(SearchPage.HitIds(page));
        Assert.NotNull(page.QuerySelector(".search-nothing"));
        var line = page.QuerySelector(".search-correction")!;
        var suggested = line.QuerySelector(".search-correction__suggested")!;
        Assert.True(suggested.TextContent is "crane" or "drone", suggested.TextContent);
        Assert.Equal($"Did you mean: {suggested.TextContent}?", Normalised(line.TextContent));
        Assert.Equal($"/search?q={suggested.TextContent}", suggested.GetAttribute("href"));
        Assert.NotEmpty(await SearchPage.FindAsync(app, suggested.GetAttribute("href")!["/search?".Length..]));
    }

    [Fact]
    public async Task A_doubtful_correction_in_Russian()
    {
        await publication.SettingsAsync(s => s.Language = "ru");
        await ArticleAsync("Ворона украла сыр", "ru");
        await ArticleAsync("Корона вернулась в музей", "ru");
        await SearchPage.RebuildAsync(app);

        var page = await SearchPage.OpenAsync(app, "q=" + Uri.EscapeDataString("морона"));

        Assert.Empty(SearchPage.HitIds(page));
        var line = page.QuerySelector(".search-correction")!;
        var suggested = line.QuerySelector(".search-correction__suggested")!.TextContent;
        Assert.True(suggested is "ворона" or "корона", suggested);
        Assert.Equal($"Возможно, вы имели в виду: {suggested}?", Normalised(line.TextContent));
    }

    [Fact]
    public async Task Words_that_found_something_are_not_corrected()
    {
        await ArticleAsync("New stadium opens", "en", body: "The stadum sign was misspelt by the builders.");
        await ArticleAsync("Stadium tour", "en");
        await SearchPage.RebuildAsync(app);

        // "stadum" is on the site; "stadiun" is nowhere, yet "stadium" finds something, so neither is corrected.
        Assert.Null((await SearchPage.OpenAsync(app, "q=stadum")).QuerySelector(".search-correction"));
        Assert.Null((await SearchPage.OpenAsync(app, "q=stadium")).QuerySelector(".search-correction"));
    }

    [Fact]
    public async Task Nothing_is_suggested_from_drafts_and_new_articles_are_heard_of()
    {
        await ArticleAsync("Budget approved", "en");
        var draft = await publication.ArticleAsync("Secret merger", status: ArticleStatus.Draft, slug: "secret");
        await SearchPage.RebuildAsync(app);

        var page = await SearchPage.OpenAsync(app, "q=mergr");
        Assert.Null(page.QuerySelector(".search-correction"));

        await app.WithDbAsync(async db =>
        {
            var a = await db.Articles.FindAsync(draft.Id);
            a!.Status = ArticleStatus.Published;
            await db.SaveChangesAsync();
        });
        await SearchPage.AnnounceAsync(app, draft.Id);
        await SearchPage.RebuildAsync(app);

        page = await SearchPage.OpenAsync(app, "q=mergr");
        Assert.Equal("merger", page.QuerySelector(".search-correction__corrected")?.TextContent);
        Assert.Equal([draft.Id], SearchPage.HitIds(page));
    }

    private static string Normalised(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
