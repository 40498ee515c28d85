using Broadsheet.Features.Articles;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Search;

/// <summary>
/// A small Russian and English publication for the spelling test set: every misspelt query in
/// <see cref="SpellingTests"/> has its intended word here, and finds nothing as typed.
/// </summary>
public sealed class MisspeltQueries : IAsyncLifetime
{
    public BroadsheetApp App { get; } = new();

    public async Task InitializeAsync()
    {
        var p = new TestPublication(App);
        async Task Add(string slug, string language, string title, string lead, string body)
        {
            var a = await p.ArticleAsync(title, slug: slug, lead: lead, body: body);
            await SearchPage.SetLanguageAsync(App, a, language);
        }

        await Add("ru-stadion", "ru", "Новый стадион откроют к чемпионату", "Строительство стадиона в Казани закончится весной.",
            "Болельщики ждут первого матча на новом стадионе. Футбольный клуб переедет туда летом.");
        await Add("ru-yolka", "ru", "Главную ёлку города установят на площади", "Праздник начнётся в субботу.",
            "Ёлка высотой двадцать метров приедет из Карелии.");
        await Add("ru-budget", "ru", "Депутаты приняли бюджет на следующий год", "Расходы на образование вырастут.",
            "Дефицит сократится вдвое. Губернатор подписал закон.");
        await Add("ru-teatr", "ru", "Театр оперы и балета представил премьеру", "Зрители аплодировали стоя.",
            "Спектакль по роману Толстого идёт три часа.");
        await Add("ru-metro", "ru", "В Казани открыли новую станцию метро", "Пассажиры смогут пересаживаться на трамвай.",
            "Станция работает с шести утра.");
        await Add("ru-science", "ru", "Учёные нашли лекарство от гриппа", "Исследование провели в университете.",
            "Вакцина прошла испытания в больнице.");
        await Add("ru-weather", "ru", "Синоптики обещают снегопад и метель", "Температура опустится до минус двадцати.",
            "Водителей просят быть осторожнее на дорогах.");
        await Add("ru-vybory", "ru", "Явка на выборах выросла", "Избиратели пришли на участки утром.",
            "Комиссия подведёт итоги к полуночи.");
        await Add("en-stadium", "en", "New stadium opens before the championship", "Supporters queued outside the ground.",
            "The football club moves in this summer; the government paid for the roof.");
        await Add("en-budget", "en", "Parliament approves the budget", "Spending on education will rise.",
            "The deficit will halve, the minister said.");
        await Add("en-science", "en", "Scientists find a vaccine for influenza", "The research was done at the university hospital.",
            "Trials ended successfully in February.");
        await Add("en-theatre", "en", "Theatre premiere draws applause", "The orchestra played a new symphony.",
            "The audience stood for ten minutes.");
        await Add("en-weather", "en", "Storm brings heavy snowfall to the mountains", "Temperatures will fall below freezing.",
            "Drivers should avoid the motorway.");
        await SearchPage.RebuildAsync(App);
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
