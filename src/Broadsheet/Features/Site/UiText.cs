using System.Globalization;

namespace Broadsheet.Features.Site;

/// <summary>
/// Every word of the interface, in both languages. Properties are required, so a text
/// missing from one language is a build error rather than a blank on a page.
/// </summary>
public sealed class UiText
{
    public required string Home { get; init; }
    public required string SkipToContent { get; init; }
    public required string Breaking { get; init; }
    public required string SignIn { get; init; }
    public required string MainNavigation { get; init; }
    public required string TopStories { get; init; }
    public required string LatestNews { get; init; }
    public required string MostRead { get; init; }
    public required string Today { get; init; }
    public required string ThisWeek { get; init; }
    public required string Rubrics { get; init; }
    public required string Tags { get; init; }
    public required string Updated { get; init; }
    public required string Corrections { get; init; }

    /// <summary>The button that opens an embedded post or video; until it is pressed, nothing is fetched from its site.</summary>
    public required string LoadEmbed { get; init; }
    public required string Related { get; init; }
    public required string SubscribeTitle { get; init; }
    public required string TypoHint { get; init; }
    /// <summary>Touch screens have no Ctrl+Enter: typo.js shows a "Report an error" button beside a selection.</summary>
    public required string TypoHintTouch { get; init; }
    public required string Corrected { get; init; }
    public required string Share { get; init; }
    public required string ShareByMail { get; init; }
    public required string CopyLink { get; init; }
    public required string LinkCopied { get; init; }
    public required string Menu { get; init; }
    /// <summary>The zone named once on a page whose teasers give bare times.</summary>
    public required Func<string, string> TimesIn { get; init; }
    public required string Comments { get; init; }
    public required string CommentsOff { get; init; }
    public required string CommentRules { get; init; }
    public required string Older { get; init; }
    public required string Newer { get; init; }
    public required string Pagination { get; init; }
    public required string Archive { get; init; }
    public required string ArchiveCalendar { get; init; }
    public required string PreviousMonth { get; init; }
    public required string NextMonth { get; init; }
    public required string NothingPublished { get; init; }
    public required string ArticlesBy { get; init; }
    public required string TagTitle { get; init; }
    public required string NotFoundTitle { get; init; }
    public required string NotFoundText { get; init; }
    public required string BadRequestTitle { get; init; }
    public required string ErrorTitle { get; init; }
    public required string ErrorText { get; init; }
    public required string UnavailableTitle { get; init; }
    public required string UnavailableText { get; init; }
    public required string BackHome { get; init; }
    public required string Feed { get; init; }
    public required string AllRightsReserved { get; init; }
    public required string Columnist { get; init; }
    public required SearchPageText Search { get; init; }
    public required SitePageText Pages { get; init; }
    public required Func<long, string> Views { get; init; }
    public required Func<long, string> Articles { get; init; }

    public static readonly UiText English = new()
    {
        Home = "Home",
        SkipToContent = "Skip to content",
        Breaking = "Breaking",
        SignIn = "Sign in",
        MainNavigation = "Sections",
        TopStories = "Top stories",
        LatestNews = "Latest news",
        MostRead = "Most read",
        Today = "Today",
        ThisWeek = "This week",
        Rubrics = "Rubrics",
        Tags = "Tags",
        Updated = "Updated",
        Corrections = "Corrections",
        LoadEmbed = "Load (the site will see your visit)",
        Related = "Related",
        SubscribeTitle = "Subscribe to our news",
        TypoHint = "If you find an error, select a piece of text and press Ctrl+Enter.",
        TypoHintTouch = "If you find an error, select a piece of text and tap “Report an error”.",
        Corrected = "Corrected",
        Share = "Share",
        ShareByMail = "E-mail",
        CopyLink = "Copy link",
        LinkCopied = "Link copied",
        Menu = "Menu",
        TimesIn = zone => $"All times {zone}",
        Comments = "Comments",
        CommentsOff = "Comments are closed for this article.",
        CommentRules = "Comment rules",
        Older = "Older",
        Newer = "Newer",
        Pagination = "Pages",
        Archive = "Archive",
        ArchiveCalendar = "News archive",
        PreviousMonth = "Previous month",
        NextMonth = "Next month",
        NothingPublished = "Nothing has been published here yet.",
        ArticlesBy = "Articles by",
        TagTitle = "Tag",
        NotFoundTitle = "Page not found",
        NotFoundText = "There is no page at this address. It may have been moved or unpublished.",
        BadRequestTitle = "Bad request",
        ErrorTitle = "Something went wrong",
        ErrorText = "The editors have been told. Please try again in a minute.",
        UnavailableTitle = "We cannot save anything just now",
        UnavailableText = "Nothing you sent has been saved. Reading works as usual; please send it again in a minute.",
        BackHome = "Back to the front page",
        Feed = "RSS",
        AllRightsReserved = "All rights reserved.",
        Columnist = "Columnist",
        Search = SearchPageText.English,
        Pages = SitePageText.English,
        Views = n => $"Views: {n.ToString("N0", CultureInfo.InvariantCulture)}",
        Articles = n => $"{n} {Plural.English(n, "article", "articles")}",
    };

    public static readonly UiText Russian = new()
    {
        Home = "Главная",
        SkipToContent = "К содержанию",
        Breaking = "Срочно",
        SignIn = "Войти",
        MainNavigation = "Рубрики",
        TopStories = "Главное",
        LatestNews = "Лента новостей",
        MostRead = "Самое читаемое",
        Today = "Сегодня",
        ThisWeek = "За неделю",
        Rubrics = "Рубрики",
        Tags = "Теги",
        Updated = "Обновлено",
        Corrections = "Исправления",
        LoadEmbed = "Загрузить (сайт узнает о вашем визите)",
        Related = "Читайте также",
        SubscribeTitle = "Подписывайтесь на наши новости",
        TypoHint = "Если вы нашли ошибку, выделите фрагмент текста и нажмите Ctrl+Enter.",
        TypoHintTouch = "Если вы нашли ошибку, выделите фрагмент текста и нажмите «Сообщить об ошибке».",
        Corrected = "Исправлено",
        Share = "Поделиться",
        ShareByMail = "Почта",
        CopyLink = "Скопировать ссылку",
        LinkCopied = "Ссылка скопирована",
        Menu = "Меню",
        TimesIn = zone => $"Время {zone}",
        Comments = "Комментарии",
        CommentsOff = "Комментарии к этой статье закрыты.",
        CommentRules = "Правила комментирования",
        Older = "Раньше",
        Newer = "Позже",
        Pagination = "Страницы",
        Archive = "Архив",
        ArchiveCalendar = "Архив новостей",
        PreviousMonth = "Предыдущий месяц",
        NextMonth = "Следующий месяц",
        NothingPublished = "Здесь пока ничего не опубликовано.",
        ArticlesBy = "Материалы автора",
        TagTitle = "Тег",
        NotFoundTitle = "Страница не найдена",
        NotFoundText = "По этому адресу ничего нет. Возможно, материал перенесён или снят с публикации.",
        BadRequestTitle = "Неверный запрос",
        ErrorTitle = "Что-то пошло не так",
        ErrorText = "Редакция уже знает. Попробуйте через минуту.",
        UnavailableTitle = "Сейчас мы не можем ничего сохранить",
        UnavailableText = "Отправленное вами не сохранилось. Читать сайт можно как обычно; пожалуйста, отправьте ещё раз через минуту.",
        BackHome = "На главную",
        Feed = "RSS",
        AllRightsReserved = "Все права защищены.",
        Columnist = "Колумнист",
        Search = SearchPageText.Russian,
        Pages = SitePageText.Russian,
        Views = n => $"{n.ToString("N0", CultureInfo.GetCultureInfo("ru-RU"))} {Plural.Russian(n, "просмотр", "просмотра", "просмотров")}",
        Articles = n => $"{n} {Plural.Russian(n, "статья", "статьи", "статей")}",
    };
}
