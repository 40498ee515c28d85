using Broadsheet.Features.Site;

namespace Broadsheet.Features.TypoReports;

/// <summary>The words of the typo report dialog and of the endpoint's answers, in the site's language.</summary>
public sealed class TypoReportText
{
    public required string DialogTitle { get; init; }
    public required string Fragment { get; init; }
    public required string Suggestion { get; init; }
    public required string Comment { get; init; }
    public required string Send { get; init; }
    public required string Close { get; init; }
    public required string ReportButton { get; init; }
    public required string Sending { get; init; }
    public required string Thanks { get; init; }
    public required string SelectionTooLong { get; init; }
    public required string NetworkFailed { get; init; }
    public required string NotUnderstood { get; init; }
    public required string FragmentRequired { get; init; }
    public required string TooLong { get; init; }
    public required string NotInText { get; init; }
    public required string ArticleNotFound { get; init; }
    public required string TooMany { get; init; }
    public required string WrongSite { get; init; }

    /// <summary>Typo reports own their words; the site's language picks them.</summary>
    public static TypoReportText For(SiteContext site) => site.IsRussian ? Russian : English;

    public static readonly TypoReportText English = new()
    {
        DialogTitle = "Report an error",
        Fragment = "The error",
        Suggestion = "How should it read?",
        Comment = "Comment (optional)",
        Send = "Send",
        Close = "Close",
        ReportButton = "Report an error",
        Sending = "Sending…",
        Thanks = "Thank you! Now the editors are aware.",
        SelectionTooLong = "The selection is too long: please select at most 256 characters.",
        NetworkFailed = "The report could not be sent. Please check your connection and try again.",
        NotUnderstood = "The report could not be read. Please reload the page and try again.",
        FragmentRequired = "Please select the piece of text with the error.",
        TooLong = "The report is too long: the fragment and the suggestion may have 256 characters, the comment 500.",
        NotInText = "This text is not in the article as it stands now. Please reload the page and select it again.",
        ArticleNotFound = "This article is not available any more.",
        TooMany = "Too many reports from your address. Please wait a minute and try again.",
        WrongSite = "Reports are accepted only from this site's pages.",
    };

    public static readonly TypoReportText Russian = new()
    {
        DialogTitle = "Сообщить об ошибке",
        Fragment = "Ошибка",
        Suggestion = "Как должно быть?",
        Comment = "Комментарий (необязательно)",
        Send = "Отправить",
        Close = "Закрыть",
        ReportButton = "Сообщить об ошибке",
        Sending = "Отправляем…",
        Thanks = "Спасибо! Редакция уже в курсе.",
        SelectionTooLong = "Выделен слишком длинный фрагмент: выделите не больше 256 символов.",
        NetworkFailed = "Не удалось отправить сообщение. Проверьте соединение и попробуйте ещё раз.",
        NotUnderstood = "Не удалось прочитать сообщение. Обновите страницу и попробуйте ещё раз.",
        FragmentRequired = "Выделите фрагмент текста с ошибкой.",
        TooLong = "Слишком длинное сообщение: во фрагменте и исправлении — не больше 256 символов, в комментарии — 500.",
        NotInText = "Такого текста в статье сейчас нет. Обновите страницу и выделите его снова.",
        ArticleNotFound = "Эта статья больше недоступна.",
        TooMany = "Слишком много сообщений с вашего адреса. Подождите минуту и попробуйте снова.",
        WrongSite = "Сообщения принимаются только со страниц этого сайта.",
    };
}
