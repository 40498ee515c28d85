using Broadsheet.Features.Pages;
using Broadsheet.Features.Site;

namespace Broadsheet.Features.Demo;

/// <summary>
/// The demo's pages that are not news (About, Contacts, Privacy policy, Comment rules) and its imprint.
/// Invented, like everything in the demo: the registration number and the addresses belong to nobody.
/// The comment rules page opens with the rules the settings keep (and the comment form shows), so the
/// two never say different things.
/// </summary>
public static class DemoPages
{
    public static void Imprint(SiteSettings settings, string language)
    {
        var ru = language == "ru";
        settings.Publisher = ru ? "ООО «Утренняя газета» (демонстрационное издание)" : "Morning Broadsheet Ltd (a demonstration publication)";
        settings.EditorInChief = ru ? "А. В. Смирнова" : "Anna Smirnova";
        settings.RegistrationNumber = ru
            ? "Эл № ФС77-00000 от 01.02.2024, выдано Роскомнадзором (образец)"
            : "Online mass medium Эл № ФС77-00000 of 1 February 2024, issued by Roskomnadzor (a sample)";
        settings.AgeRating = "16+";
        settings.EditorialAddress = ru
            ? "123456, Москва, ул. Примерная, д. 1; +7 (495) 000-00-00; editor@example.ru"
            : "1 Sample Street, Moscow 123456; +7 495 000 00 00; editor@example.com";
    }

    public static List<SitePage> For(string language, string commentRules, DateTime now) =>
        (language == "ru" ? Russian(commentRules) : English(commentRules))
        .Select((p, i) => new SitePage { Slug = p.Slug, Title = p.Title, Body = p.Body, MenuOrder = (i + 1) * 10, InFooter = true, UpdatedAt = now })
        .ToList();

    private static (string Slug, string Title, string Body)[] English(string rules) =>
    [
        ("about", "About us", """
            The Morning Broadsheet is a daily newspaper published online. We report on politics, the economy, the cities we live in, science, culture and sport, and we publish the opinions of columnists who disagree with each other and with us.

            The newsroom has twenty-two journalists, editors and photographers in Moscow and correspondents in St Petersburg, Kazan, Novosibirsk and Vladivostok. Every story is read by an editor before it is published, and every figure is checked against its source.

            ## What we stand for

            - We separate news from opinion: columns are marked as such and sit in their own rubric.
            - We correct our mistakes openly. A corrected article says what was changed and when, at the foot of the page.
            - We name our sources wherever we can, and explain why when we cannot.

            ## Who pays for it

            The paper is paid for by advertising and by readers who subscribe to the newsletter and support us. Advertisers have no say in what we write; advertising is always marked.

            This is a demonstration publication: the people, places and events in it are invented.
            """),
        ("contacts", "Contacts", """
            **Newsroom:** editor@example.com, +7 495 000 00 00 (weekdays 9:00–21:00 Moscow time).

            **News tips:** tips@example.com. If you have seen something happen, write to us with what, where and when; attach photos if you have them. We protect our sources.

            **Corrections:** if you find an error in an article, select it and press Ctrl+Enter (or tap "Report an error" on a phone); the editor on duty sees it at once.

            **Advertising:** ads@example.com.

            **Post:** 1 Sample Street, Moscow 123456.
            """),
        ("privacy", "Privacy policy", """
            This policy explains what we learn about you when you read the site, sign up for a newsletter or comment, and what we do with it.

            ## What we collect

            - **Reading the site:** nothing that identifies you. We count page views without cookies; the counter keeps a salted fingerprint for one day to count each reader once, then forgets it.
            - **Newsletter:** your e-mail address, the editions you chose and when you confirmed. We send nothing until you confirm, and every letter has a one-click link to unsubscribe.
            - **Reader account and comments:** your e-mail address, your display name, your comments and the date you agreed to these rules.

            ## What we do not do

            We do not sell or lend your data, and we do not load advertising trackers or other sites' scripts. Embedded posts and videos load only when you press their button.

            ## Your rights

            You may download everything we keep about you from your account page, and delete your account at any time. Questions go to privacy@example.com.
            """),
        ("comment-rules", "Comment rules", $"""
            {rules}

            ## How moderation works

            Comments are read by moderators before or shortly after they appear. A comment that breaks the rules is hidden; a reader who keeps breaking them may lose the right to comment. Moderators do not argue about their decisions in the comments; write to editor@example.com instead.

            ## What makes a good comment

            - Keep to the subject of the article.
            - Argue with ideas, not with people.
            - If you point out a factual error, say where you found the correct figure.

            By posting a comment you agree to these rules and to our [privacy policy](/privacy).
            """),
    ];

    private static (string Slug, string Title, string Body)[] Russian(string rules) =>
    [
        ("about", "О редакции", """
            «Утренняя газета» — ежедневное городское издание, которое выходит в интернете. Мы пишем о политике и экономике, о жизни городов, науке, культуре и спорте, публикуем колонки авторов, которые спорят друг с другом и с нами.

            В редакции двадцать два журналиста, редактора и фотографа в Москве и собственные корреспонденты в Санкт-Петербурге, Казани, Новосибирске и Владивостоке. Каждый материал перед публикацией читает редактор, каждую цифру сверяют с источником.

            ## Наши принципы

            - Мы отделяем новости от мнений: авторские колонки помечены и собраны в отдельной рубрике.
            - Мы открыто исправляем ошибки. Под исправленной статьёй сказано, что и когда изменилось.
            - Мы называем источники всегда, когда это возможно, а если нет — объясняем почему.

            ## На что мы живём

            Газета существует на доходы от рекламы и на поддержку читателей. Рекламодатели не влияют на то, что мы пишем; реклама всегда помечена.

            Это демонстрационное издание: люди, места и события в нём вымышлены.
            """),
        ("contacts", "Контакты", """
            **Редакция:** editor@example.ru, +7 (495) 000-00-00 (по будням с 9:00 до 21:00 мск).

            **Сообщить новость:** tips@example.ru. Если вы стали свидетелем события, напишите, что, где и когда произошло, приложите фотографии, если они есть. Мы не раскрываем наших источников.

            **Ошибки и опечатки:** выделите фрагмент с ошибкой и нажмите Ctrl+Enter (на телефоне — кнопку «Сообщить об ошибке»); дежурный редактор увидит сообщение сразу.

            **Реклама:** ads@example.ru.

            **Почтовый адрес:** 123456, Москва, ул. Примерная, д. 1.
            """),
        ("privacy", "Политика конфиденциальности", """
            Здесь сказано, какие сведения о вас мы получаем, когда вы читаете сайт, подписываетесь на рассылку или оставляете комментарии, и что мы с ними делаем. Политика составлена в соответствии с Федеральным законом № 152-ФЗ «О персональных данных».

            ## Что мы собираем

            - **Чтение сайта:** ничего, что позволяло бы вас узнать. Просмотры считаются без cookie; счётчик хранит обезличенный отпечаток один день, чтобы не считать одного читателя дважды, и затем его забывает.
            - **Рассылка:** адрес электронной почты, выбранные выпуски и время подтверждения подписки. Пока вы не подтвердили подписку, мы ничего не присылаем; в каждом письме есть ссылка, чтобы отписаться в один клик.
            - **Аккаунт читателя и комментарии:** адрес электронной почты, имя на сайте, ваши комментарии и дата согласия с правилами.

            ## Чего мы не делаем

            Мы не продаём и не передаём ваши данные третьим лицам, не подключаем рекламные счётчики и чужие скрипты. Встроенные посты и видео загружаются, только когда вы нажмёте на их кнопку.

            ## Ваши права

            На странице аккаунта можно скачать всё, что мы о вас храним, и удалить аккаунт в любой момент. Вопросы об обработке данных присылайте на privacy@example.ru.
            """),
        ("comment-rules", "Правила комментирования", $"""
            {rules}

            ## Как устроена модерация

            Комментарии читают модераторы — до публикации или вскоре после неё. Комментарий, нарушающий правила, скрывается; читатель, который нарушает их снова и снова, может лишиться права комментировать. Модераторы не обсуждают свои решения в комментариях — пишите на editor@example.ru.

            ## Каким должен быть комментарий

            - Держитесь темы статьи.
            - Спорьте с мнениями, а не с людьми.
            - Указывая на ошибку в фактах, назовите источник верных сведений.

            Оставляя комментарий, вы соглашаетесь с этими правилами и с [политикой конфиденциальности](/privacy).
            """),
    ];
}
