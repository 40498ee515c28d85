namespace Broadsheet.Tests.Search;

/// <summary>
/// The relevance test set: for each query, the articles a reader must get, and those they
/// must not. Run through the public page over a real index of a real SQLite database.
/// </summary>
public sealed class RelevanceTests(RelevanceCorpus corpus) : IClassFixture<RelevanceCorpus>
{
    public static TheoryData<string, string[], string[]> Cases => new()
    {
        // Russian: one word in any case or number finds the others.
        { "q=выборы", ["ru-duma", "ru-itogi", "ru-yavka"], [] },
        { "q=выборов", ["ru-duma", "ru-itogi", "ru-yavka"], [] },
        { "q=выборах", ["ru-duma", "ru-itogi", "ru-yavka"], [] },
        { "q=Выборами", ["ru-duma", "ru-itogi", "ru-yavka"], [] },
        { "q=бюджета", ["ru-budget"], ["en-council"] },
        { "q=театре", ["ru-teatr"], [] },
        { "q=премьера", ["ru-teatr"], [] },
        { "q=хоккейного клуба", ["ru-hockey"], [] },
        { "q=бабочка", ["ru-science"], [] },
        { "q=станции метро", ["ru-metro"], ["en-forum"] },
        // ё is е.
        { "q=ёлка", ["ru-yolka", "ru-bazar"], [] },
        { "q=елка", ["ru-yolka", "ru-bazar"], [] },
        { "q=ёлки", ["ru-yolka", "ru-bazar"], [] },
        { "q=ЁЛКУ", ["ru-yolka", "ru-bazar"], [] },
        { "q=ученые", ["ru-science"], [] },
        { "q=учёных", ["ru-science"], [] },
        // Several words: all must be there, in some form.
        { "q=итоги выборов Казань", ["ru-itogi"], ["ru-metro", "ru-duma"] },
        { "q=рекорд явки", ["ru-yavka"], ["ru-itogi"] },
        { "q=в выборах", ["ru-duma", "ru-itogi", "ru-yavka"], [] },
        // Phrases in quotes.
        { "q=\"городскую думу\"", ["ru-duma"], [] },
        { "q=\"думу городскую\"", [], ["ru-duma"] },
        { "q=\"городская дума\"", ["ru-duma"], [] },
        // English: stems and possessives.
        { "q=elections", ["en-law", "en-turnout"], [] },
        { "q=election", ["en-law", "en-turnout"], [] },
        { "q=elected", ["en-law", "en-turnout"], [] },
        { "q=budgets", ["en-council", "en-museums"], ["ru-budget"] },
        { "q=scientist", ["en-species"], [] },
        { "q=discovered species", ["en-species"], [] },
        { "q=children", ["en-hospital"], [] },
        { "q=hospital's", ["en-hospital"], [] },
        { "q=railways", ["en-railway"], [] },
        { "q=running", ["en-marathon"], [] },
        { "q=trains every thirty minutes", ["en-railway"], [] },
        { "q=ELECTION LAW", ["en-law"], ["en-turnout"] },
        { "q=council budget", ["en-council"], ["en-museums"] },
        { "q=\"council approves the budget\"", ["en-council"], [] },
        { "q=\"budget council\"", [], ["en-council"] },
        // Either language on a mixed site; stop words of either language drop out.
        { "q=метро", ["ru-metro", "en-forum"], [] },
        { "q=Moscow метро", ["en-forum"], ["ru-metro"] },
        { "q=the выборы", ["ru-duma", "ru-itogi", "ru-yavka"], [] },
        // Lucene syntax is only punctuation here.
        { "q=*выбор?", ["ru-duma", "ru-itogi", "ru-yavka"], [] },
        { "q=budget AND (cuts OR museums)~", ["en-museums"], ["en-council"] },
        { "q=title:budget -cuts", [], ["en-museums", "en-council"] },
        // Filters by rubric, author and the site's dates (Moscow time).
        { "q=budget&rubric=economy", ["en-council"], ["en-museums"] },
        { "q=budget&author=marco-bellini", ["en-museums"], ["en-council"] },
        { "q=elections&from=2024-01-01", ["en-law"], ["en-turnout"] },
        { "q=elections&to=2023-12-31", ["en-turnout"], ["en-law"] },
        { "q=выборы&from=2024-01-01&to=2024-03-31", ["ru-itogi"], ["ru-duma", "ru-yavka"] },
        { "q=выборы&from=2024-03-01&to=2024-03-01", ["ru-itogi"], ["ru-duma", "ru-yavka"] },
        { "q=выборы&author=elena-marsheva", ["ru-duma"], ["ru-itogi", "ru-yavka"] },
        { "q=&rubric=culture", ["ru-teatr", "en-museums"], ["en-council"] },
        // Drafts and articles scheduled for later are not the public's.
        { "q=secret plan", [], ["en-draft"] },
        { "q=election results announced", [], ["en-scheduled"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Query_returns_the_articles_it_must_and_none_it_must_not(string query, string[] mustFind, string[] mustNotFind)
    {
        var found = (await SearchPage.FindAsync(corpus.App, query)).Select(id => corpus.Keys[id]).ToList();

        Assert.All(mustFind, key => Assert.Contains(key, found));
        Assert.All(mustNotFind, key => Assert.DoesNotContain(key, found));
        if (mustFind.Length == 0) Assert.Empty(found);
    }
}
