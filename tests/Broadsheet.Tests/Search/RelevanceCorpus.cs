using Broadsheet.Features.Articles;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Search;

/// <summary>
/// A small mixed-language publication written for the relevance test set: each article is
/// there to be found (or not) by particular queries. Built once in a real SQLite database and
/// indexed by a real rebuild; the tests only read it.
/// </summary>
public sealed class RelevanceCorpus : IAsyncLifetime
{
    public BroadsheetApp App { get; } = new();
    public Dictionary<string, int> Ids { get; } = [];
    public Dictionary<int, string> Keys { get; } = [];

    public async Task InitializeAsync()
    {
        var p = new TestPublication(App);
        var politics = await p.RubricAsync("Politics");
        var economy = await p.RubricAsync("Economy");
        var society = await p.RubricAsync("Society");
        var culture = await p.RubricAsync("Culture");
        var science = await p.RubricAsync("Science");
        var sport = await p.RubricAsync("Sport");
        var marsheva = await p.AuthorAsync("Елена Маршева");
        var orlov = await p.AuthorAsync("Дмитрий Орлов");
        var weller = await p.AuthorAsync("Tom Weller");
        var bellini = await p.AuthorAsync("Marco Bellini");
        var nair = await p.AuthorAsync("Priya Nair");

        async Task Add(string key, string language, string title, string lead, string body, Rubric rubric, Author? author, DateTime at,
            ArticleStatus status = ArticleStatus.Published)
        {
            var a = await p.ArticleAsync(title, publishedAt: at, status: status, rubric: rubric, authors: author is null ? null : [author],
                lead: lead, body: body, slug: key);
            await SearchPage.SetLanguageAsync(App, a, language);
            Ids[key] = a.Id;
            Keys[a.Id] = key;
        }

        static DateTime On(int y, int m, int d) => new(y, m, d, 10, 0, 0, DateTimeKind.Utc);

        await Add("ru-duma", "ru", "Выборы в городскую думу назначены на сентябрь", "Избирательная комиссия утвердила календарь.",
            "Кандидаты начнут сбор подписей в июне.", politics, marsheva, On(2024, 5, 10));
        await Add("ru-itogi", "ru", "Итоги выборов подвели в Казани", "Комиссия закончила подсчёт.",
            "Явка составила сорок процентов.", politics, orlov, On(2024, 3, 1));
        await Add("ru-yavka", "ru", "На выборах губернатора побит рекорд явки", "Избиратели пришли на участки с утра.",
            "Очереди стояли до вечера.", politics, orlov, On(2023, 9, 12));
        await Add("ru-yolka", "ru", "Главную ёлку города установят на площади", "Праздник начнётся в субботу.",
            "Ёлка высотой двадцать метров приедет из Карелии.", society, null, On(2023, 12, 20));
        await Add("ru-bazar", "ru", "Ёлочный базар открылся у вокзала", "Продавцы предлагают ели и сосны.",
            "Каждая елка проходит проверку.", society, null, On(2023, 12, 22));
        await Add("ru-metro", "ru", "В Казани открыли новую станцию метро", "Пассажиры смогут пересаживаться на трамвай.",
            "Станция работает с шести утра.", society, null, On(2024, 4, 2));
        await Add("ru-teatr", "ru", "Театр оперы и балета представил премьеру", "Зрители аплодировали стоя.",
            "Спектакль по роману Толстого идёт три часа.", culture, marsheva, On(2024, 2, 3));
        await Add("ru-budget", "ru", "Депутаты приняли бюджет на следующий год", "Расходы на образование вырастут.",
            "Дефицит сократится вдвое.", economy, orlov, On(2024, 1, 15));
        await Add("ru-hockey", "ru", "Хоккейный клуб вышел в финал", "Болельщики встретили команду в аэропорту.",
            "Решающий матч пройдёт в пятницу.", sport, null, On(2024, 4, 20));
        await Add("ru-science", "ru", "Учёные нашли новый вид бабочек", "Исследование опубликовано в журнале.",
            "Бабочки живут только в горах.", science, null, On(2024, 3, 18));

        await Add("en-law", "en", "Parliament committee begins hearings on the new election law", "The bill would change how votes are counted.",
            "Opposition parties want a longer debate.", politics, weller, On(2024, 5, 1));
        await Add("en-turnout", "en", "Turnout in local elections reaches a ten-year high", "Polling stations stayed open late.",
            "Officials thanked volunteers.", politics, weller, On(2023, 11, 5));
        await Add("en-council", "en", "Council approves the budget for next year", "The city council voted after a long debate on spending.",
            "Schools get more money.", economy, nair, On(2024, 2, 10));
        await Add("en-museums", "en", "Museums brace for budget cuts", "Curators warn that opening hours may shrink.",
            "Some galleries will close on Mondays.", culture, bellini, On(2023, 10, 1));
        await Add("en-railway", "en", "New railway line opens between the two cities", "Trains will run every thirty minutes.",
            "Tickets go on sale next week.", society, null, On(2024, 4, 8));
        await Add("en-marathon", "en", "Marathon runners brave the rain", "The winner finished in record time.",
            "Running in the rain was hard, she said.", sport, null, On(2024, 4, 14));
        await Add("en-species", "en", "Scientists discover a new species of butterfly", "The study appeared in a journal.",
            "The butterflies live only in the mountains.", science, null, On(2024, 3, 20));
        await Add("en-hospital", "en", "Hospital opens a children's ward", "The ward has twenty beds.",
            "Nurses were hired from the region.", society, null, On(2024, 1, 30));
        await Add("en-forum", "en", "Moscow mayor speaks at the urban forum", "He promised faster buses.",
            "He said «Мы строим метро» to applause.", society, null, On(2024, 5, 2));
        await Add("en-draft", "en", "Secret election plan drafted", "Not yet for readers.", "Draft text.", politics, weller,
            On(2024, 5, 12), ArticleStatus.Draft);
        await Add("en-scheduled", "en", "Election results to be announced", "Coming soon.", "Embargoed text.", politics, weller,
            BroadsheetApp.DefaultNow.UtcDateTime.AddDays(2));

        await SearchPage.RebuildAsync(App);
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
