using System.Globalization;
using Broadsheet.Features.Site;

namespace Broadsheet.Features.Comments;

/// <summary>
/// What readers are told about comments, and the words of the thread and its forms, in the site's
/// language: one place, so the page, the API and the script (through data- attributes) say the same.
/// What a moderator wrote on a rule of their own is data and is shown as written.
/// </summary>
public sealed class CommentMessages
{
    public required string Published { get; init; }
    public required string Held { get; init; }
    public required string Edited { get; init; }
    public required string Flagged { get; init; }
    public required string Closed { get; init; }
    public required string NoSuchArticle { get; init; }
    public required string NoSuchParent { get; init; }
    public required string NoSuchComment { get; init; }
    public required string OwnComment { get; init; }
    public required string EditWindowOver { get; init; }
    public required string TooShort { get; init; }
    public required string Duplicate { get; init; }
    public required string ThirdPartyLink { get; init; }

    /// <summary>For a refusing rule a moderator left without a message of its own.</summary>
    public required string BreaksRules { get; init; }
    public required string Unconfirmed { get; init; }
    public required string BlockedForGood { get; init; }
    public required string SignInFirst { get; init; }
    public required string NotUnderstood { get; init; }
    public required string BadToken { get; init; }

    /// <summary>What the script says when the answer is not one of ours (a proxy's error page, a dropped connection).</summary>
    public required string SomethingWrong { get; init; }
    /// <summary>Takes the moment as the site writes it, in its own zone (<c>SiteContext.FormatTime</c>).</summary>
    public required Func<string, string> BlockedUntil { get; init; }
    public required Func<int, string> TooLong { get; init; }
    public required Func<int, string> TooManyPerMinute { get; init; }
    public required Func<int, string> TooManyPerDay { get; init; }

    /// <summary>The word after the count, which is marked up on its own: 1 комментарий, 2 комментария, 5 комментариев.</summary>
    public required Func<long, string> CountWord { get; init; }
    public required string WriteComment { get; init; }
    public required string MoreComments { get; init; }
    public required string CommentPages { get; init; }
    public required string Waiting { get; init; }
    public required string SignIn { get; init; }
    public required string Or { get; init; }
    public required string SignUp { get; init; }
    public required string ToComment { get; init; }
    public required string YourComment { get; init; }
    public required string YourReply { get; init; }
    public required string ChangeComment { get; init; }
    public required string Post { get; init; }
    public required string Save { get; init; }
    public required string Reply { get; init; }
    public required string Edit { get; init; }
    public required string EditedMark { get; init; }
    public required string DeletedAccount { get; init; }
    public required string FlagQuestion { get; init; }
    public required string Flag { get; init; }
    public required Func<FlagReason, string> Reason { get; init; }
    public required string Report { get; init; }
    public required string ReportWhy { get; init; }
    public required string SendReport { get; init; }
    public required string Cancel { get; init; }
    public required Func<string, string> CommentingAs { get; init; }
    public required string OnlyYouSee { get; init; }
    public required string Oldest { get; init; }
    public required string Newest { get; init; }
    public required string Order { get; init; }
    public required Func<int, string> MoreReplies { get; init; }
    public required string Delete { get; init; }
    public required string Deleted { get; init; }
    public required string YourComments { get; init; }
    public required string NoCommentsYet { get; init; }
    public required string DownloadData { get; init; }
    public required string DeleteAccount { get; init; }
    public required Func<CommentStatus, string> StatusWord { get; init; }

    /// <summary>Shown instead of the form to a blocked reader: why, and until when in the site's zone (already formatted).</summary>
    public required string BlockedWhy { get; init; }

    private static readonly CultureInfo RussianCulture = CultureInfo.GetCultureInfo("ru-RU");

    /// <summary>Comments own their words (they name <see cref="FlagReason"/>); the site's language picks them.</summary>
    public static CommentMessages For(SiteContext site) => site.IsRussian ? Russian : English;

    public static readonly CommentMessages English = new()
    {
        Published = "Your comment is published.",
        Held = "Thank you. Your comment will appear once a moderator has read it.",
        Edited = "Your comment is changed.",
        Flagged = "Thank you. A moderator will look at this comment.",
        Closed = "Comments on this article are closed.",
        NoSuchArticle = "There is no such article.",
        NoSuchParent = "The comment you are answering is not there any more.",
        NoSuchComment = "There is no such comment.",
        OwnComment = "You cannot flag your own comment.",
        EditWindowOver = "A comment can be changed only in the first 10 minutes.",
        TooShort = "Write at least two characters.",
        Duplicate = "You have just posted this same text.",
        ThirdPartyLink = "Links to other sites are not allowed in comments. Links to this site are.",
        BreaksRules = "This comment breaks the publication's rules.",
        Unconfirmed = "Confirm your e-mail address first: follow the link in the mail we sent you.",
        BlockedForGood = "Your account may no longer comment.",
        SignInFirst = "Sign in to comment.",
        NotUnderstood = "The request could not be understood.",
        BadToken = "The form has expired. Reload the page and try again.",
        SomethingWrong = "Something went wrong. Try again.",
        BlockedUntil = until => $"Your account may not comment until {until}.",
        TooLong = length => string.Format(CultureInfo.InvariantCulture, "A comment may be at most {0:N0} characters long; this one has {1:N0}.", Comment.TextMax, length),
        TooManyPerMinute = limit => $"You can post {limit} comments a minute. Please wait a little.",
        TooManyPerDay = limit => $"You can post {limit} comments a day. Please come back tomorrow.",
        CountWord = n => Plural.English(n, "comment", "comments"),
        WriteComment = "Write a comment",
        MoreComments = "More comments",
        CommentPages = "Comment pages",
        Waiting = "Waiting for a moderator",
        SignIn = "Sign in",
        Or = "or",
        SignUp = "create an account",
        ToComment = " to comment.",
        YourComment = "Your comment",
        YourReply = "Your reply",
        ChangeComment = "Change your comment",
        Post = "Post",
        Save = "Save",
        Reply = "Reply",
        Edit = "Edit",
        EditedMark = "edited",
        DeletedAccount = "Deleted account",
        FlagQuestion = "Breaks the rules?",
        Flag = "Flag",
        Reason = reason => reason switch
        {
            FlagReason.Insult => "Insult",
            FlagReason.Extremism => "Extremism",
            FlagReason.FalseInformation => "False information",
            FlagReason.Spam => "Spam",
            _ => "Other",
        },
        Report = "Report",
        ReportWhy = "What is wrong with this comment?",
        SendReport = "Send report",
        Cancel = "Cancel",
        CommentingAs = name => $"Commenting as {name}",
        OnlyYouSee = "only you can see it until then",
        Oldest = "Oldest first",
        Newest = "Newest first",
        Order = "Order of comments",
        MoreReplies = n => $"Show {n} more {Plural.English(n, "reply", "replies")}",
        Delete = "Delete",
        Deleted = "Your comment is deleted.",
        YourComments = "Your comments",
        NoCommentsYet = "You have not written any comments yet.",
        DownloadData = "Download my data (JSON)",
        DeleteAccount = "Delete my account",
        StatusWord = status => status switch
        {
            CommentStatus.Published => "published",
            CommentStatus.Held => "waiting for a moderator",
            CommentStatus.Rejected => "rejected by a moderator",
            _ => "deleted",
        },
        BlockedWhy = "A moderator has blocked your account for breaking the comment rules.",
    };

    public static readonly CommentMessages Russian = new()
    {
        Published = "Комментарий опубликован.",
        Held = "Спасибо! Комментарий отправлен на проверку модератору и появится после неё.",
        Edited = "Комментарий изменён.",
        Flagged = "Спасибо! Модератор проверит этот комментарий.",
        Closed = "Комментарии к этой статье закрыты.",
        NoSuchArticle = "Такой статьи нет.",
        NoSuchParent = "Комментарий, на который вы отвечаете, больше недоступен.",
        NoSuchComment = "Такого комментария нет.",
        OwnComment = "На собственный комментарий пожаловаться нельзя.",
        EditWindowOver = "Комментарий можно изменить только в первые 10 минут после отправки.",
        TooShort = "Напишите хотя бы два символа.",
        Duplicate = "Вы только что отправили точно такой же комментарий.",
        ThirdPartyLink = "Ссылки на сторонние сайты в комментариях запрещены. Ссылки на материалы нашего сайта — можно.",
        BreaksRules = "Комментарий нарушает правила сайта.",
        Unconfirmed = "Сначала подтвердите адрес электронной почты: перейдите по ссылке из нашего письма.",
        BlockedForGood = "Вы больше не можете оставлять комментарии: учётная запись заблокирована.",
        SignInFirst = "Войдите, чтобы оставить комментарий.",
        NotUnderstood = "Не удалось разобрать запрос.",
        BadToken = "Форма устарела. Обновите страницу и попробуйте ещё раз.",
        SomethingWrong = "Что-то пошло не так. Попробуйте ещё раз.",
        BlockedUntil = until => $"Вы не можете оставлять комментарии до {until}.",
        TooLong = length => string.Format(RussianCulture, "Комментарий может быть не длиннее {0:N0} символов, а в этом — {1:N0}.", Comment.TextMax, length),
        TooManyPerMinute = limit => $"Слишком много комментариев: не больше {limit} в минуту. Попробуйте через минуту.",
        TooManyPerDay = limit => $"Слишком много комментариев: не больше {limit} в сутки. Попробуйте завтра.",
        CountWord = n => Plural.Russian(n, "комментарий", "комментария", "комментариев"),
        WriteComment = "Написать комментарий",
        MoreComments = "Все комментарии",
        CommentPages = "Страницы комментариев",
        Waiting = "Ждёт проверки модератором",
        SignIn = "Войдите",
        Or = "или",
        SignUp = "зарегистрируйтесь",
        ToComment = ", чтобы оставить комментарий.",
        YourComment = "Ваш комментарий",
        YourReply = "Ваш ответ",
        ChangeComment = "Изменить комментарий",
        Post = "Отправить",
        Save = "Сохранить",
        Reply = "Ответить",
        Edit = "Изменить",
        EditedMark = "изменён",
        DeletedAccount = "Удалённый пользователь",
        FlagQuestion = "Нарушает правила?",
        Flag = "Пожаловаться",
        Reason = reason => reason switch
        {
            FlagReason.Insult => "Оскорбление",
            FlagReason.Extremism => "Экстремизм",
            FlagReason.FalseInformation => "Недостоверная информация",
            FlagReason.Spam => "Спам",
            _ => "Другое",
        },
        Report = "Пожаловаться",
        ReportWhy = "Что не так с этим комментарием?",
        SendReport = "Отправить жалобу",
        Cancel = "Отмена",
        CommentingAs = name => $"Вы комментируете как {name}",
        OnlyYouSee = "до проверки его видите только вы",
        Oldest = "Сначала старые",
        Newest = "Сначала новые",
        Order = "Порядок комментариев",
        MoreReplies = n => $"Показать ещё {n} {Plural.Russian(n, "ответ", "ответа", "ответов")}",
        Delete = "Удалить",
        Deleted = "Комментарий удалён.",
        YourComments = "Ваши комментарии",
        NoCommentsYet = "Вы ещё не написали ни одного комментария.",
        DownloadData = "Скачать мои данные (JSON)",
        DeleteAccount = "Удалить учётную запись",
        StatusWord = status => status switch
        {
            CommentStatus.Published => "опубликован",
            CommentStatus.Held => "ждёт проверки модератором",
            CommentStatus.Rejected => "отклонён модератором",
            _ => "удалён",
        },
        BlockedWhy = "Модератор заблокировал вашу учётную запись за нарушение правил комментирования.",
    };
}
