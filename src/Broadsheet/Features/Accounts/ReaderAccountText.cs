using Broadsheet.Features.Site;

namespace Broadsheet.Features.Accounts;

/// <summary>
/// The words of the reader's account pages (sign up, sign in, confirm, forgot and reset the password,
/// delete the account), their checks, Identity's errors as readers see them, and the mail the account
/// sends. The staff-only pages (setup, two-step sign-in, the newsroom) stay English.
/// </summary>
public sealed class ReaderAccountText
{
    public required string Email { get; init; }
    public required string Password { get; init; }
    public required string SignInLink { get; init; }
    public required string ToComment { get; init; }

    public required string SignUpTitle { get; init; }
    public required string DisplayName { get; init; }
    public required string NewPassword { get; init; }
    public required string SignUpButton { get; init; }
    public required string HaveAccount { get; init; }

    /// <summary>Followed by a link to sign in (<see cref="SignInAfterSent"/>) and a full stop.</summary>
    public required Func<string, string> SignUpSent { get; init; }
    public required string SignInAfterSent { get; init; }

    /// <summary>The consent box at sign-up: Agree + link(PrivacyPolicy) + And + link(CommentRules) + ".".</summary>
    public required string ConsentAgree { get; init; }
    public required string PrivacyPolicy { get; init; }
    public required string ConsentAnd { get; init; }
    public required string CommentRules { get; init; }
    public required string ConsentRequired { get; init; }
    public required string BackToArticle { get; init; }

    public required string MenuLabel { get; init; }
    public required string MyComments { get; init; }
    public required string MyData { get; init; }
    public required string SignOut { get; init; }

    public required string SignInTitle { get; init; }
    public required string Remember { get; init; }
    public required string SignInButton { get; init; }
    public required string Forgot { get; init; }
    public required string PasskeySignIn { get; init; }
    public required string PasskeyFailed { get; init; }
    public required string NewHere { get; init; }
    public required string CreateReaderAccount { get; init; }
    public required string WrongCredentials { get; init; }

    /// <summary>A 429 on any account form: how long to wait (<see cref="WaitFor"/> words it).</summary>
    public required Func<TimeSpan, string> TooManyTries { get; init; }
    /// <summary>A 429 on signing in because of this address's failures, wherever they came from; the same whether the address has an account or not.</summary>
    public required Func<TimeSpan, string> TooManyForAccount { get; init; }

    public required string ResendTitle { get; init; }
    public required string ResendAsk { get; init; }
    public required Func<string, string> ResendSent { get; init; }
    public required string ResendLink { get; init; }

    public required string ConfirmTitle { get; init; }
    public required string Confirmed { get; init; }
    public required string ConfirmPrompt { get; init; }
    public required string ConfirmButton { get; init; }
    public required string LinkDead { get; init; }
    public required string AskNewLink { get; init; }
    public required string AskNewLinkHow { get; init; }

    public required string ForgotTitle { get; init; }
    public required Func<string, string> ForgotSent { get; init; }
    public required string SendLink { get; init; }

    public required string ResetTitle { get; init; }
    public required string PasswordChanged { get; init; }
    public required string SignInWithIt { get; init; }
    public required string NewPasswordOnly { get; init; }
    public required string SetPassword { get; init; }

    public required string DeleteTitle { get; init; }
    public required string DeleteExplained { get; init; }
    public required string YourPassword { get; init; }
    public required string DeleteButton { get; init; }
    public required string WrongPassword { get; init; }

    public required string EmailRequired { get; init; }
    public required string EmailInvalid { get; init; }
    public required string PasswordRequired { get; init; }
    public required Func<int, string> PasswordTooShort { get; init; }
    public required Func<int, string> PasswordTooLong { get; init; }
    public required string NameRequired { get; init; }
    public required string NameTaken { get; init; }
    public required Func<int, int, string> NameLength { get; init; }
    public required string NameStart { get; init; }
    public required string NameCharacters { get; init; }
    public required string NameSpaces { get; init; }

    public required string AccountError { get; init; }
    public required string ChangedMeanwhile { get; init; }
    public required string EmailCharacters { get; init; }
    public required string EmailRegistered { get; init; }

    public required Func<string, string> ConfirmSubject { get; init; }
    public required string ConfirmLead { get; init; }
    public required string ConfirmAfter { get; init; }
    public required Func<string, string> ResetSubject { get; init; }
    public required string ResetLead { get; init; }
    public required string ResetAfter { get; init; }
    public required Func<string, string> BlockedSubject { get; init; }
    public required string BlockedForGood { get; init; }
    /// <summary>Takes the moment as the site writes it, in its own zone (<c>SiteContext.FormatTime</c>).</summary>
    public required Func<string, string> BlockedUntil { get; init; }
    public required Func<string, string> BlockedReason { get; init; }
    public required string BlockedAfter { get; init; }
    public required Func<string, string> AgainSubject { get; init; }
    public required string AgainLead { get; init; }
    public required string AgainForgot { get; init; }
    public required string AgainAfter { get; init; }

    /// <summary>"45 seconds", "3 minutes": a wait rounded up, in seconds under two minutes, else in minutes.</summary>
    public static (long Count, bool Minutes) WaitFor(TimeSpan wait)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));
        return seconds < 120 ? (seconds, false) : ((seconds + 59) / 60, true);
    }

    private static string InEnglish(TimeSpan wait) => WaitFor(wait) switch
    {
        (var n, true) => $"{n} {Plural.English(n, "minute", "minutes")}",
        var (n, _) => $"{n} {Plural.English(n, "second", "seconds")}",
    };

    private static string InRussian(TimeSpan wait) => WaitFor(wait) switch
    {
        (var n, true) => $"{n} {Plural.Russian(n, "минуту", "минуты", "минут")}",
        var (n, _) => $"{n} {Plural.Russian(n, "секунду", "секунды", "секунд")}",
    };

    /// <summary>Accounts own their words (they quote the account rules); the site's language picks them.</summary>
    public static ReaderAccountText For(SiteContext site) => site.IsRussian ? Russian : English;

    public static readonly ReaderAccountText English = new()
    {
        Email = "E-mail",
        Password = "Password",
        SignInLink = "Sign in",
        ToComment = " to comment.",

        SignUpTitle = "Create an account",
        DisplayName = "Display name (shown with your comments)",
        NewPassword = $"Password (at least {AccountInput.PasswordMin} characters)",
        SignUpButton = "Create the account",
        HaveAccount = "Already have one?",
        ConsentAgree = "I agree to the processing of my personal data as described in the",
        PrivacyPolicy = "privacy policy",
        ConsentAnd = "and accept the",
        CommentRules = "comment rules",
        ConsentRequired = "To create an account, agree to the processing of your personal data.",
        BackToArticle = "Back to the article",
        MenuLabel = "Your account",
        MyComments = "My comments",
        MyData = "Download my data",
        SignOut = "Sign out",
        SignUpSent = email => $"We have sent a link to {email}. Follow it to confirm the address, then",
        SignInAfterSent = "sign in",

        SignInTitle = "Sign in",
        Remember = "Keep me signed in",
        SignInButton = "Sign in",
        Forgot = "Forgot your password?",
        PasskeySignIn = "Sign in with a passkey",
        PasskeyFailed = "That passkey did not sign you in. Try again, or use your password.",
        NewHere = "New here?",
        CreateReaderAccount = "Create a reader's account",
        WrongCredentials = "The e-mail or the password is wrong.",
        TooManyTries = wait => $"Too many attempts. Please try again in {InEnglish(wait)}.",
        TooManyForAccount = wait => $"Too many failed attempts to sign in with this address. Please try again in {InEnglish(wait)}; "
            + "on a device you have signed in from before, or after resetting the password by mail, you need not wait.",
        ResendTitle = "Send the confirmation again",
        ResendAsk = "The address you signed up with",
        ResendSent = email => $"If {email} has an account here that is not confirmed yet, a new confirmation link is on its way.",
        ResendLink = "No mail? Send the confirmation again",

        ConfirmTitle = "Confirm your account",
        Confirmed = "Your address is confirmed.",
        ConfirmPrompt = "One step left: confirm that this address is yours.",
        ConfirmButton = "Confirm my address",
        LinkDead = "This link does not work any more.",
        AskNewLink = "Ask for a new one",
        AskNewLinkHow = " by resetting your password, or sign up again.",

        ForgotTitle = "Forgot your password",
        ForgotSent = email => $"If {email} has an account here, a link to choose a new password is on its way.",
        SendLink = "Send the link",

        ResetTitle = "Choose a new password",
        PasswordChanged = "Your password is changed.",
        SignInWithIt = " with it.",
        NewPasswordOnly = $"New password (at least {AccountInput.PasswordMin} characters)",
        SetPassword = "Set the password",

        DeleteTitle = "Delete your account",
        DeleteExplained = "Your account goes at once. Your comments stay where they are, signed \"deleted account\".",
        YourPassword = "Your password",
        DeleteButton = "Delete my account",
        WrongPassword = "The password is wrong.",

        EmailRequired = "Enter your e-mail address.",
        EmailInvalid = "That does not look like an e-mail address.",
        PasswordRequired = "Enter your password.",
        PasswordTooShort = min => $"A password has at least {min} characters.",
        PasswordTooLong = max => $"A password has at most {max} characters.",
        NameRequired = "Choose a display name.",
        NameTaken = "That display name, or one that looks like it, is taken.",
        NameLength = (min, max) => $"A display name has {min} to {max} characters.",
        NameStart = "A display name starts with a letter or a digit.",
        NameCharacters = "A display name may have letters, digits, spaces, dots, hyphens, underscores and apostrophes only.",
        NameSpaces = "A display name has single spaces between words.",

        AccountError = "Something went wrong. Please try again.",
        ChangedMeanwhile = "The account was changed elsewhere at the same moment. Please try again.",
        EmailCharacters = "This e-mail address has characters we cannot accept. Please use another.",
        EmailRegistered = "This e-mail address already has an account.",

        ConfirmSubject = publication => $"Confirm your account at {publication}",
        ConfirmLead = "Follow this link to confirm your e-mail address and start commenting:",
        ConfirmAfter = "If you did not sign up, ignore this mail.",
        ResetSubject = publication => $"Reset your password at {publication}",
        ResetLead = "Follow this link to choose a new password. It works for a day.",
        ResetAfter = "If you did not ask for this, ignore this mail: your password stays as it is.",
        BlockedSubject = publication => $"Your comments at {publication}",
        BlockedForGood = "A moderator has stopped your account from commenting.",
        BlockedUntil = until => $"A moderator has stopped your account from commenting until {until}.",
        BlockedReason = reason => $" Reason: {reason}",
        BlockedAfter = "You can still read the publication and sign in.",
        AgainSubject = publication => $"Your account at {publication}",
        AgainLead = "Someone, perhaps you, tried to create an account with this address. It already has one: sign in here.",
        AgainForgot = "Forgot the password? Choose a new one here:",
        AgainAfter = "If it was not you, ignore this mail: nothing has changed.",
    };

    public static readonly ReaderAccountText Russian = new()
    {
        Email = "Электронная почта",
        Password = "Пароль",
        SignInLink = "Войдите",
        ToComment = ", чтобы комментировать.",

        SignUpTitle = "Регистрация",
        DisplayName = "Имя (его увидят рядом с вашими комментариями)",
        NewPassword = $"Пароль (не короче {AccountInput.PasswordMin} символов)",
        SignUpButton = "Зарегистрироваться",
        HaveAccount = "Уже зарегистрированы?",
        ConsentAgree = "Я даю согласие на обработку моих персональных данных в соответствии с",
        PrivacyPolicy = "политикой конфиденциальности",
        ConsentAnd = "и принимаю",
        CommentRules = "правила комментирования",
        ConsentRequired = "Чтобы зарегистрироваться, дайте согласие на обработку персональных данных.",
        BackToArticle = "Вернуться к статье",
        MenuLabel = "Учётная запись",
        MyComments = "Мои комментарии",
        MyData = "Скачать мои данные",
        SignOut = "Выйти",
        SignUpSent = email => $"Мы отправили письмо со ссылкой на адрес {email}. Перейдите по ней, чтобы подтвердить адрес, а затем",
        SignInAfterSent = "войдите",

        SignInTitle = "Вход",
        Remember = "Запомнить меня",
        SignInButton = "Войти",
        Forgot = "Забыли пароль?",
        PasskeySignIn = "Войти с ключом доступа",
        PasskeyFailed = "Не удалось войти с этим ключом доступа. Попробуйте ещё раз или войдите по паролю.",
        NewHere = "Впервые у нас?",
        CreateReaderAccount = "Зарегистрируйтесь",
        WrongCredentials = "Неверный адрес электронной почты или пароль.",
        TooManyTries = wait => $"Слишком много попыток. Попробуйте ещё раз через {InRussian(wait)}.",
        TooManyForAccount = wait => $"Слишком много неудачных попыток войти с этим адресом. Попробуйте ещё раз через {InRussian(wait)}; "
            + "с устройства, с которого вы уже входили, или после смены пароля по ссылке из письма ждать не нужно.",
        ResendTitle = "Повторное подтверждение адреса",
        ResendAsk = "Адрес, с которым вы регистрировались",
        ResendSent = email => $"Если адрес {email} зарегистрирован у нас и ещё не подтверждён, на него уже отправлена новая ссылка для подтверждения.",
        ResendLink = "Письмо не пришло? Отправить ещё раз",

        ConfirmTitle = "Подтверждение адреса",
        Confirmed = "Адрес подтверждён.",
        ConfirmPrompt = "Остался один шаг: подтвердите, что это ваш адрес.",
        ConfirmButton = "Подтвердить адрес",
        LinkDead = "Эта ссылка больше не действует.",
        AskNewLink = "Запросите новую",
        AskNewLinkHow = " через восстановление пароля или зарегистрируйтесь заново.",

        ForgotTitle = "Восстановление пароля",
        ForgotSent = email => $"Если адрес {email} зарегистрирован у нас, на него уже отправлено письмо со ссылкой для смены пароля.",
        SendLink = "Отправить ссылку",

        ResetTitle = "Новый пароль",
        PasswordChanged = "Пароль изменён.",
        SignInWithIt = " с новым паролем.",
        NewPasswordOnly = $"Новый пароль (не короче {AccountInput.PasswordMin} символов)",
        SetPassword = "Сохранить пароль",

        DeleteTitle = "Удаление учётной записи",
        DeleteExplained = "Учётная запись удаляется сразу. Ваши комментарии останутся на сайте с подписью «Удалённый пользователь».",
        YourPassword = "Ваш пароль",
        DeleteButton = "Удалить учётную запись",
        WrongPassword = "Неверный пароль.",

        EmailRequired = "Укажите адрес электронной почты.",
        EmailInvalid = "Проверьте адрес электронной почты: похоже, в нём ошибка.",
        PasswordRequired = "Введите пароль.",
        // "не короче" and "не длиннее" take the genitive: 21 символа, 10 символов.
        PasswordTooShort = min => $"Пароль должен быть не короче {min} {Plural.Russian(min, "символа", "символов", "символов")}.",
        PasswordTooLong = max => $"Пароль должен быть не длиннее {max} {Plural.Russian(max, "символа", "символов", "символов")}.",
        NameRequired = "Укажите имя.",
        NameTaken = "Это имя или очень похожее на него уже занято.",
        NameLength = (min, max) => $"Имя должно быть длиной от {min} до {max} символов.",
        NameStart = "Имя должно начинаться с буквы или цифры.",
        NameCharacters = "В имени можно использовать только буквы, цифры, пробелы, точки, дефисы, подчёркивания и апострофы.",
        NameSpaces = "Слова в имени разделяются одним пробелом.",

        AccountError = "Что-то пошло не так. Попробуйте ещё раз.",
        ChangedMeanwhile = "Учётную запись одновременно изменили в другом месте. Попробуйте ещё раз.",
        EmailCharacters = "В этом адресе электронной почты есть символы, которые мы не принимаем. Укажите другой адрес.",
        EmailRegistered = "Этот адрес электронной почты уже зарегистрирован.",

        ConfirmSubject = publication => $"Подтвердите регистрацию на сайте «{publication}»",
        ConfirmLead = "Чтобы подтвердить адрес электронной почты и начать комментировать, перейдите по ссылке:",
        ConfirmAfter = "Если вы не регистрировались, просто не обращайте внимания на это письмо.",
        ResetSubject = publication => $"Восстановление пароля на сайте «{publication}»",
        ResetLead = "Чтобы задать новый пароль, перейдите по ссылке. Она действует сутки.",
        ResetAfter = "Если вы не запрашивали смену пароля, просто не обращайте внимания на это письмо: пароль останется прежним.",
        BlockedSubject = publication => $"Ваши комментарии на сайте «{publication}»",
        BlockedForGood = "Модератор запретил вам оставлять комментарии.",
        BlockedUntil = until => $"Модератор запретил вам оставлять комментарии до {until}.",
        BlockedReason = reason => $" Причина: {reason}",
        BlockedAfter = "Читать издание и входить на сайт вы по-прежнему можете.",
        AgainSubject = publication => $"Ваша учётная запись на сайте «{publication}»",
        AgainLead = "Кто-то, возможно вы, пытался зарегистрироваться с этим адресом. С ним уже есть учётная запись: войдите здесь.",
        AgainForgot = "Забыли пароль? Задайте новый здесь:",
        AgainAfter = "Если это были не вы, просто не обращайте внимания на это письмо: ничего не изменилось.",
    };
}
