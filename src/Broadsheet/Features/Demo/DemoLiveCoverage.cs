using Broadsheet.Features.Articles;
using Broadsheet.Features.Live;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;

namespace Broadsheet.Features.Demo;

/// <summary>
/// Two live articles for the demo: an election night still running (its newest entry minutes old) and a storm's
/// night, closed, that reads as an ordinary article with its updates under the summary.
/// </summary>
internal static class DemoLiveCoverage
{
    private sealed record Coverage(string Title, string Lead, string Summary, (int MinutesAgo, string? Headline, string Body, bool Key)[] Entries);

    public static async Task<int> SeedAsync(BroadsheetDb db, ArticleBody body, SiteContext site, string language,
        List<Author> reporters, Rubric rubric, DateTime now, CancellationToken ct)
    {
        var (running, closed) = language == "ru" ? (RussianRunning, RussianClosed) : (EnglishRunning, EnglishClosed);
        await AddAsync(db, body, language, reporters, rubric, running, LiveState.Running, now.AddHours(-3), now, ct);
        await AddAsync(db, body, language, reporters, rubric, closed, LiveState.Closed, now.AddDays(-2).AddHours(-6), now.AddDays(-2), ct);
        return 2;
    }

    private static async Task AddAsync(BroadsheetDb db, ArticleBody body, string language, List<Author> reporters, Rubric rubric,
        Coverage c, LiveState state, DateTime publishedAt, DateTime lastEntryAt, CancellationToken ct)
    {
        var article = new Article
        {
            Slug = Slug.From(c.Title), Title = c.Title, Lead = c.Lead, Body = c.Summary, BodyHtml = body.Render(c.Summary),
            Kind = ArticleKind.Report, Status = ArticleStatus.Published, Language = language, Live = state,
            // Not marked for the front page: an editor leads with it from /newsroom/front-page, as on a real night.
            PublishedAt = publishedAt, CreatedAt = publishedAt.AddMinutes(-30), Prominence = 0,
            Views = new ViewTotal { Views = state == LiveState.Running ? 52000 : 31000 },
        };
        article.Authors.AddRange(reporters.Take(2).Select((a, p) => new ArticleAuthor { AuthorId = a.Id, Position = p }));
        article.Rubrics.Add(new ArticleRubric { RubricId = rubric.Id });
        db.Articles.Add(article);
        await db.SaveChangesAsync(ct);
        var change = 0L;
        // Oldest first, so change numbers follow the night's order.
        foreach (var (minutesAgo, headline, markdown, key) in c.Entries.OrderByDescending(e => e.MinutesAgo))
        {
            db.LiveEntries.Add(new LiveEntry
            {
                ArticleId = article.Id, Change = ++change, PostedAt = lastEntryAt.AddMinutes(-minutesAgo),
                AuthorName = reporters[(int)(change % Math.Min(2, reporters.Count))].Name,
                Headline = headline, Body = markdown, BodyHtml = body.Render(markdown), IsKeyEvent = key,
            });
        }
        await db.SaveChangesAsync(ct);
    }

    // The newest key event carries a results data block, as an election night's live page would.
    private static readonly Coverage EnglishRunning = new(
        "Election night in Northbridge: live",
        "Polls have closed across the region; the count is under way. Follow the night as it happens.",
        "**The essentials:** polls closed at 20:00; turnout is the highest in twenty years; the first district results are in, and the governing Harbour Party leads narrowly.",
        [
            (2, "Results so far", "With 64% of ballots counted, the governing party leads by under four points.\n\n```results\ntitle: Share of the vote\nsource: Regional election commission\nas of: 64% of ballots counted\nunit: %\nHarbour Party | 38.2 | #2f6db5\nGreen Valley | 34.8 | #2e8b57\nCivic List | 16.8 | #e39b1b\nOthers | 10.2\n```", true),
            (9, null, "Queues are still forming at the counting centre on Mill Street, where volunteers have been asked to stay until morning.", false),
            (18, "Green Valley wins the Old Port", "The first district to declare goes to Green Valley by 1,204 votes: the party's first win there since it was founded.", true),
            (31, null, "The Harbour Party's candidate tells reporters she is \"cautiously optimistic\" and will speak when half of the ballots are counted.", false),
            (47, null, "Our reporter at the Civic List's party says the room is quiet: the exit poll put them on 17%, two points below the last election.", false),
            (66, "Turnout: 71%", "The election commission gives turnout as 71%, the highest since 2006.", true),
            (84, null, "Counting has begun in all 42 districts. The first results are expected within the hour.", false),
            (101, null, "Polls are now closed. Good evening and welcome to our live coverage of election night.", false),
        ]);

    private static readonly Coverage EnglishClosed = new(
        "Storm Agnes reaches the coast: how the night unfolded",
        "Winds of up to 140 km/h cut power to 60,000 homes; no one was seriously hurt. This page is no longer updated.",
        "Storm Agnes crossed the coast overnight. **What we know:** power is back for most homes, the coastal road is open again, and schools reopen on Monday. Our full report follows the updates below.",
        [
            (0, "Coverage ends", "The storm has passed inland and the warning is lifted. We are closing this page; thank you for following.", true),
            (45, null, "Power has been restored to 48,000 of the 60,000 homes that lost it, the grid operator says.", false),
            (120, "Coastal road closed", "The coastal road between Saltmarsh and Northbridge is closed after a landslip; diversions are signposted.", true),
            (210, null, "Gusts of 140 km/h were recorded at the lighthouse at 23:10.", false),
            (300, "Red warning issued", "The weather service has raised the warning to red for the coast from 21:00.", true),
        ]);

    private static readonly Coverage RussianRunning = new(
        "Выборы в Северогорске: онлайн",
        "Участки по всей области закрылись, идёт подсчёт голосов. Следим за ночью в прямом эфире.",
        "**Главное:** участки закрылись в 20:00; явка — самая высокая за двадцать лет; первые округа уже посчитаны, правящая партия «Гавань» с небольшим отрывом лидирует.",
        [
            (2, "Предварительные итоги", "После обработки 64% бюллетеней правящая партия лидирует с отрывом меньше четырёх пунктов.\n\n```итоги\nзаголовок: Доля голосов\nисточник: областная избирательная комиссия\nданные на: обработано 64% бюллетеней\nединица: %\n«Гавань» | 38,2 | #2f6db5\n«Зелёная долина» | 34,8 | #2e8b57\n«Гражданский список» | 16,8 | #e39b1b\nДругие | 10,2\n```", true),
            (9, null, "У счётного центра на Мельничной улице по-прежнему очередь: волонтёров попросили остаться до утра.", false),
            (18, "«Зелёная долина» взяла Старый порт", "Первый посчитанный округ достался «Зелёной долине» с перевесом в 1204 голоса — впервые с основания партии.", true),
            (31, null, "Кандидат «Гавани» сказала журналистам, что настроена «осторожно оптимистично», и выступит, когда посчитают половину бюллетеней.", false),
            (47, null, "Наш корреспондент в штабе «Гражданского списка»: в зале тихо, экзитпол дал партии 17% — на два пункта меньше, чем на прошлых выборах.", false),
            (66, "Явка — 71%", "Избирком сообщает о явке в 71% — это максимум с 2006 года.", true),
            (84, null, "Подсчёт голосов начался во всех 42 округах. Первые результаты ждут в течение часа.", false),
            (101, null, "Участки закрылись. Добрый вечер, это онлайн-трансляция выборов.", false),
        ]);

    private static readonly Coverage RussianClosed = new(
        "Шторм «Агнес» на побережье: как прошла ночь",
        "Ветер до 140 км/ч оставил без света 60 тысяч домов, серьёзно никто не пострадал. Трансляция завершена.",
        "Ночью шторм «Агнес» прошёл по побережью. **Что известно:** свет вернули в большинство домов, прибрежная трасса снова открыта, школы откроются в понедельник. Подробный репортаж — после хроники.",
        [
            (0, "Трансляция завершена", "Шторм ушёл вглубь материка, предупреждение снято. Мы завершаем трансляцию — спасибо, что были с нами.", true),
            (45, null, "Электричество вернули в 48 тысяч из 60 тысяч обесточенных домов, сообщает сетевая компания.", false),
            (120, "Прибрежная трасса закрыта", "Трасса между Солончаками и Северогорском перекрыта из-за оползня; объезд обозначен знаками.", true),
            (210, null, "В 23:10 у маяка зафиксированы порывы до 140 км/ч.", false),
            (300, "Объявлен красный уровень опасности", "Метеослужба повысила уровень опасности для побережья до красного с 21:00.", true),
        ]);
}
