using Broadsheet.Features.Site;

namespace Broadsheet.Features.Newsletter;

/// <summary>The newsletter's words in both languages; kept here rather than in UiText, which every page loads.</summary>
public sealed class NewsletterText
{
    public required string Title { get; init; }
    public required string Intro { get; init; }
    public required string EmailLabel { get; init; }
    public required string RubricsLabel { get; init; }
    public required string AllRubrics { get; init; }
    public required string MoreOptions { get; init; }
    public required string FrequencyLabel { get; init; }
    public required string Daily { get; init; }
    public required string Weekly { get; init; }
    public required string AlertsLabel { get; init; }
    public required string Subscribe { get; init; }
    public required string ThankYou { get; init; }
    public required string CheckInbox { get; init; }
    public required string EmailRequired { get; init; }
    public required string EmailTooLong { get; init; }
    public required string EmailInvalid { get; init; }
    public required string LineBreaks { get; init; }
    public required string TooMuch { get; init; }
    public required string FrequencyInvalid { get; init; }
    public required string TooManyAttempts { get; init; }
    public required string ConfirmTitle { get; init; }
    public required string ConfirmButton { get; init; }
    public required string Confirmed { get; init; }
    public required string LinkInvalid { get; init; }
    public required string UnsubscribeTitle { get; init; }
    public required string UnsubscribeButton { get; init; }
    public required string Unsubscribed { get; init; }

    /// <summary>Before the address a managing link is about, so a reader with two addresses knows which one this is.</summary>
    public required string Address { get; init; }
    public required string StateSubscribed { get; init; }
    public required string StateUnsubscribed { get; init; }
    public required string ResubscribeButton { get; init; }
    public required string Resubscribed { get; init; }
    public required string ManagePreferences { get; init; }
    public required string PreferencesTitle { get; init; }
    public required string Save { get; init; }
    public required string Saved { get; init; }
    public required string ConfirmSubject { get; init; }
    public required string ConfirmMailText { get; init; }
    public required string AlreadySubscribedSubject { get; init; }
    public required string AlreadySubscribedText { get; init; }
    public required string DigestSubject { get; init; }
    public required string WeeklySubject { get; init; }
    public required string WeeklyHeading { get; init; }
    public required string OtherNews { get; init; }
    public required string AlertSubject { get; init; }
    public required string ReadMore { get; init; }
    public required string ChangePreferences { get; init; }
    public required string UnsubscribeLink { get; init; }
    public required string IgnoreIfNotYou { get; init; }

    public static NewsletterText For(SiteContext site) => site.IsRussian ? Russian : English;

    public string Describe(SignUpProblem problem) => problem switch
    {
        SignUpProblem.EmailRequired => EmailRequired,
        SignUpProblem.EmailTooLong => EmailTooLong,
        SignUpProblem.LineBreaks => LineBreaks,
        SignUpProblem.TooMuch => TooMuch,
        SignUpProblem.FrequencyInvalid => FrequencyInvalid,
        SignUpProblem.TooManyAttempts => TooManyAttempts,
        _ => EmailInvalid,
    };

    public static readonly NewsletterText English = new()
    {
        Title = "Newsletter",
        Intro = "The day's news in your inbox.",
        EmailLabel = "E-mail",
        RubricsLabel = "Rubrics (none ticked means all)",
        AllRubrics = "All rubrics",
        MoreOptions = "Choose rubrics and alerts",
        FrequencyLabel = "How often",
        Daily = "Daily",
        Weekly = "Weekly",
        AlertsLabel = "Also send breaking news",
        Subscribe = "Subscribe",
        ThankYou = "Thank you!",
        CheckInbox = "Please check your inbox: the subscription starts once you confirm it with the link we sent.",
        EmailRequired = "Please enter your e-mail address.",
        EmailTooLong = "That address is too long.",
        EmailInvalid = "That does not look like an e-mail address.",
        LineBreaks = "Line breaks are not allowed in these fields.",
        TooMuch = "Too many rubrics were chosen.",
        FrequencyInvalid = "Please choose daily or weekly.",
        TooManyAttempts = "Too many sign-up attempts. Please try again later.",
        ConfirmTitle = "Confirm your subscription",
        ConfirmButton = "Confirm",
        Confirmed = "Your subscription is confirmed. Thank you!",
        LinkInvalid = "This link is invalid or has expired. Please sign up again.",
        UnsubscribeTitle = "Unsubscribe",
        UnsubscribeButton = "Unsubscribe",
        Unsubscribed = "You are unsubscribed and will get no more newsletters.",
        Address = "Address",
        StateSubscribed = "subscribed",
        StateUnsubscribed = "unsubscribed",
        ResubscribeButton = "Subscribe again",
        Resubscribed = "You are subscribed again, with the choices you had before.",
        ManagePreferences = "Choose rubrics, frequency and alerts",
        PreferencesTitle = "Newsletter preferences",
        Save = "Save",
        Saved = "Your preferences are saved.",
        ConfirmSubject = "Confirm your subscription to {0}",
        ConfirmMailText = "Someone, hopefully you, asked for the newsletter of {0} at this address. To confirm, open this link:",
        AlreadySubscribedSubject = "Your subscription to {0}",
        AlreadySubscribedText = "This address is already subscribed to the newsletter of {0}. To change what you receive, open this link:",
        DigestSubject = "{0}: the news of {1:d MMMM}",
        WeeklySubject = "{0}: the week to {1:d MMMM}",
        WeeklyHeading = "The week to {0}",
        OtherNews = "More news",
        AlertSubject = "Breaking: {0}",
        ReadMore = "Read more",
        ChangePreferences = "Change preferences",
        UnsubscribeLink = "Unsubscribe",
        IgnoreIfNotYou = "If it was not you, ignore this mail and nothing will happen.",
    };

    public static readonly NewsletterText Russian = new()
    {
        Title = "Рассылка",
        Intro = "Новости дня в вашей почте.",
        EmailLabel = "Эл. почта",
        RubricsLabel = "Рубрики (если ничего не отмечено — все)",
        AllRubrics = "Все рубрики",
        MoreOptions = "Выбрать рубрики и срочные новости",
        FrequencyLabel = "Как часто",
        Daily = "Каждый день",
        Weekly = "Раз в неделю",
        AlertsLabel = "Присылать срочные новости",
        Subscribe = "Подписаться",
        ThankYou = "Спасибо!",
        CheckInbox = "Проверьте почту: подписка начнёт действовать, когда вы подтвердите её по ссылке из письма.",
        EmailRequired = "Укажите адрес электронной почты.",
        EmailTooLong = "Слишком длинный адрес.",
        EmailInvalid = "Это не похоже на адрес электронной почты.",
        LineBreaks = "Переводы строки в этих полях недопустимы.",
        TooMuch = "Выбрано слишком много рубрик.",
        FrequencyInvalid = "Выберите: каждый день или раз в неделю.",
        TooManyAttempts = "Слишком много попыток подписаться. Попробуйте позже.",
        ConfirmTitle = "Подтвердите подписку",
        ConfirmButton = "Подтвердить",
        Confirmed = "Подписка подтверждена. Спасибо!",
        LinkInvalid = "Ссылка недействительна или устарела. Подпишитесь заново.",
        UnsubscribeTitle = "Отписаться",
        UnsubscribeButton = "Отписаться",
        Unsubscribed = "Вы отписаны и больше не будете получать рассылку.",
        Address = "Адрес",
        StateSubscribed = "подписан",
        StateUnsubscribed = "отписан",
        ResubscribeButton = "Подписаться снова",
        Resubscribed = "Вы снова подписаны, с прежними настройками.",
        ManagePreferences = "Выбрать рубрики, частоту и оповещения",
        PreferencesTitle = "Настройки рассылки",
        Save = "Сохранить",
        Saved = "Настройки сохранены.",
        ConfirmSubject = "Подтвердите подписку на «{0}»",
        ConfirmMailText = "Кто-то, надеемся, вы, попросил присылать рассылку «{0}» на этот адрес. Чтобы подтвердить, откройте ссылку:",
        AlreadySubscribedSubject = "Ваша подписка на «{0}»",
        AlreadySubscribedText = "Этот адрес уже подписан на рассылку «{0}». Изменить настройки можно по ссылке:",
        DigestSubject = "{0}: новости {1:d MMMM}",
        WeeklySubject = "{0}: главное за неделю до {1:d MMMM}",
        WeeklyHeading = "Неделя до: {0}",
        OtherNews = "Другие новости",
        AlertSubject = "Срочно: {0}",
        ReadMore = "Читать далее",
        ChangePreferences = "Изменить настройки",
        UnsubscribeLink = "Отписаться",
        IgnoreIfNotYou = "Если это были не вы, просто не обращайте внимания на это письмо.",
    };
}
