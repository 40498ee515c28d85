using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Tests.Search;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Newsroom;

public sealed class ArticleListTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public ArticleListTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    private static async Task<List<string>> TitlesAsync(HttpClient client, string path) =>
        [.. (await client.GetDocumentAsync(path)).QuerySelectorAll(".desk-table tbody a").Select(a => a.TextContent)];

    [Fact]
    public async Task Lists_by_state_and_filters_by_words_and_rubric()
    {
        var politics = await publication.RubricAsync("Politics");
        var sport = await publication.RubricAsync("Sport");
        await publication.ArticleAsync("Budget passes", rubric: politics);
        await publication.ArticleAsync("Budget for the stadium", rubric: sport);
        await publication.ArticleAsync("Derby tonight", rubric: sport);
        await publication.ArticleAsync("Budget draft", status: ArticleStatus.Draft, rubric: politics);
        await SearchPage.RebuildAsync(app);
        var editor = await app.SignedInAsync(StaffRoles.Editor);

        Assert.Equal(["Budget draft"], await TitlesAsync(editor, "/newsroom?state=Draft"));
        Assert.Equal(["Derby tonight", "Budget for the stadium", "Budget passes"], await TitlesAsync(editor, "/newsroom?state=Published"));
        Assert.Equal(["Budget for the stadium", "Budget passes"], (await TitlesAsync(editor, "/newsroom?state=Published&q=budgets")).Order());
        Assert.Equal(["Budget draft"], await TitlesAsync(editor, "/newsroom?state=Draft&q=budget"));
        Assert.Equal(["Budget for the stadium"], await TitlesAsync(editor, "/newsroom?state=Published&q=budget&rubric=sport"));
        Assert.Empty(await TitlesAsync(editor, "/newsroom?state=Published&q=100%25"));
        Assert.Empty(await TitlesAsync(editor, "/newsroom?state=Published&q=%22unbalanced+*+%3F"));
    }

    [Fact]
    public async Task Search_in_the_newsroom_finds_drafts_by_any_form_of_a_word_in_their_text_and_readers_never_see_them()
    {
        await publication.ArticleAsync("Городской бюджет", status: ArticleStatus.Draft, body: "Депутаты обсудили выборы в думу.");
        var published = await publication.ArticleAsync("Дата голосования назначена", body: "Выборов в этом году будет двое.");
        await publication.ArticleAsync("Погода на выходные", status: ArticleStatus.Draft, body: "Дожди и ветер.");
        await SearchPage.RebuildAsync(app);
        var editor = await app.SignedInAsync(StaffRoles.Editor);

        Assert.Equal(["Городской бюджет"], await TitlesAsync(editor, "/newsroom?state=Draft&q=выборах"));
        Assert.Equal(["Дата голосования назначена"], await TitlesAsync(editor, "/newsroom?state=Published&q=выборах"));
        Assert.Equal([published.Id], await SearchPage.FindAsync(app, "q=выборах"));
    }
}
