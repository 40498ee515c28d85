using System.Net;
using Broadsheet.Tests.Comments;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Tests.Accounts;

/// <summary>A Russian site's reader pages, their errors and their mail are in Russian; the forms work as in English.</summary>
public sealed class ReaderAccountsInRussianTests : IDisposable
{
    private const string Origin = "https://news.test";
    private readonly LoopbackSmtpServer smtp = new();
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public ReaderAccountsInRussianTests()
    {
        smtp.Configure(app);
        app.Settings["Broadsheet:PublicUrl"] = Origin;
        app.WithoutPreModeration();
        publication = new TestPublication(app);
    }

    public void Dispose()
    {
        app.Dispose();
        smtp.Dispose();
    }

    private async Task RussianAsync() =>
        await publication.SettingsAsync(s => { s.Language = "ru"; s.PublicationName = "Вечерняя газета"; });

    private static async Task<HttpResponseMessage> SignUpAsync(HttpClient client, string email, string name, string password = Staff.Password) =>
        await client.SubmitAsync("/account/sign-up", null, ("Input.Email", email), ("Input.DisplayName", name), ("Input.Password", password), ("Input.Consent", "true"));

    private static string Label(AngleSharp.Html.Dom.IHtmlDocument page, string field) => page.QuerySelector($"label[for={field}]")!.TextContent;

    private static string? Error(AngleSharp.Html.Dom.IHtmlDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent;

    [Fact]
    public async Task The_sign_up_page_is_in_russian()
    {
        await RussianAsync();

        var page = await app.Reader().GetDocumentAsync("/account/sign-up");

        Assert.Equal("Регистрация", page.QuerySelector("h1")!.TextContent);
        Assert.StartsWith("Регистрация", page.Title);
        Assert.Equal("Имя (его увидят рядом с вашими комментариями)", Label(page, "Input_DisplayName"));
        Assert.Equal("Электронная почта", Label(page, "Input_Email"));
        Assert.Equal("Пароль (не короче 10 символов)", Label(page, "Input_Password"));
        Assert.Equal("Зарегистрироваться", page.QuerySelector("form.desk-form button[type=submit]")!.TextContent);
    }

    [Fact]
    public async Task Sign_up_checks_answer_in_russian_next_to_their_fields()
    {
        await RussianAsync();

        using var answer = await SignUpAsync(app.Reader(), "не адрес", "Ольга", "короткий");
        var page = await answer.ParseAsync();

        Assert.Equal("Проверьте адрес электронной почты: похоже, в нём ошибка.", Error(page, "Input.Email"));
        Assert.Equal("Пароль должен быть не короче 10 символов.", Error(page, "Input.Password"));
        Assert.Equal("", Error(page, "Input.DisplayName"));
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.DisplayName == "Ольга")));
    }

    [Fact]
    public async Task An_empty_sign_up_form_asks_for_each_field_in_russian()
    {
        await RussianAsync();

        using var answer = await SignUpAsync(app.Reader(), "", "", "");
        var page = await answer.ParseAsync();

        Assert.Equal("Укажите имя.", Error(page, "Input.DisplayName"));
        Assert.Equal("Укажите адрес электронной почты.", Error(page, "Input.Email"));
        Assert.Equal("Введите пароль.", Error(page, "Input.Password"));
    }

    [Theory]
    [InlineData("Ол", "Имя должно быть длиной от 3 до 40 символов.")]
    [InlineData("<b>Ольга", "Имя должно начинаться с буквы или цифры.")]
    [InlineData("Ольга  К", "Слова в имени разделяются одним пробелом.")]
    public async Task Display_name_problems_are_told_in_russian(string name, string message)
    {
        await RussianAsync();

        using var answer = await SignUpAsync(app.Reader(), "olga@example.test", name);

        Assert.Equal(message, (await answer.ParseAsync()).QuerySelector(".desk__error")!.TextContent);
    }

    [Fact]
    public async Task A_taken_display_name_is_refused_in_russian()
    {
        await RussianAsync();
        using (await SignUpAsync(app.Reader(), "first@example.test", "Ольга К")) { }

        using var second = await SignUpAsync(app.Reader(), "second@example.test", "ольга к");

        Assert.Equal("Это имя или очень похожее на него уже занято.", (await second.ParseAsync()).QuerySelector(".desk__error")!.TextContent);
    }

    [Fact]
    public async Task A_cyrillic_address_is_taken_and_the_answer_is_in_russian()
    {
        await RussianAsync();

        using var answer = await SignUpAsync(app.Reader(), "ольга@почта.рф", "Ольга");

        Assert.Equal("Мы отправили письмо со ссылкой на адрес ольга@почта.рф. Перейдите по ней, чтобы подтвердить адрес, а затем войдите.",
            (await answer.ParseAsync()).QuerySelector("[role=status]")!.TextContent);
        await smtp.WaitForMailToAsync("ольга@почта.рф");
    }

    [Fact]
    public async Task The_confirmation_mail_is_in_russian_and_its_link_confirms()
    {
        await RussianAsync();
        var client = app.Reader();

        using (var signedUp = await SignUpAsync(client, "olga@example.test", "Ольга К"))
        {
            var status = (await signedUp.ParseAsync()).QuerySelector("[role=status]")!;
            Assert.Equal("Мы отправили письмо со ссылкой на адрес olga@example.test. Перейдите по ней, чтобы подтвердить адрес, а затем войдите.", status.TextContent);
        }
        var mail = await smtp.WaitForMailToAsync("olga@example.test");

        Assert.Equal("Подтвердите регистрацию на сайте «Вечерняя газета»", mail.Message.Subject);
        Assert.StartsWith("Чтобы подтвердить адрес электронной почты и начать комментировать, перейдите по ссылке:", mail.Text);
        Assert.Contains("Если вы не регистрировались, просто не обращайте внимания на это письмо.", mail.Text);
        Assert.Contains("Чтобы подтвердить адрес", mail.Html);
        var link = mail.Text.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).First(w => w.StartsWith(Origin + "/account/confirm", StringComparison.Ordinal));
        var offered = await client.GetDocumentAsync(new Uri(link).PathAndQuery);
        Assert.Equal("Подтвердить адрес", offered.QuerySelector("[data-confirm-account]")!.TextContent);
        using var confirming = await client.SubmitAsync(offered, new Uri(link).PathAndQuery);
        var confirmed = await confirming.ParseAsync();
        Assert.Equal("Адрес подтверждён. Войдите, чтобы комментировать.", confirmed.QuerySelector(".account-confirmed")!.TextContent);
    }

    [Fact]
    public async Task The_reset_mail_and_pages_are_in_russian()
    {
        await RussianAsync();
        var (account, _) = await app.ReaderAsync("Павел");
        var client = app.Reader();

        using (var asked = await client.SubmitAsync("/account/forgot-password", null, ("Email", account.Email)))
            Assert.Equal($"Если адрес {account.Email} зарегистрирован у нас, на него уже отправлено письмо со ссылкой для смены пароля.",
                (await asked.ParseAsync()).QuerySelector("[role=status]")!.TextContent);
        var mail = await smtp.WaitForMailToAsync(account.Email!);
        Assert.Equal("Восстановление пароля на сайте «Вечерняя газета»", mail.Message.Subject);
        var link = new Uri(mail.Text.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).First(w => w.StartsWith(Origin + "/account/reset-password", StringComparison.Ordinal))).PathAndQuery;

        using (var tooShort = await client.SubmitAsync(link, null, ("Password", "коротко")))
            Assert.Equal("Пароль должен быть не короче 10 символов.", Error(await tooShort.ParseAsync(), "Password"));
        using (var dead = await client.SubmitAsync(link.Replace("token=", "token=x", StringComparison.Ordinal), null, ("Password", "совсем новый пароль")))
            Assert.Equal("Эта ссылка больше не действует.", (await dead.ParseAsync()).QuerySelector(".desk__error")!.TextContent);
        using var reset = await client.SubmitAsync(link, null, ("Password", "совсем новый пароль"));
        Assert.Equal("Пароль изменён. Войдите с новым паролем.", (await reset.ParseAsync()).QuerySelector("[role=status]")!.TextContent);
    }

    [Fact]
    public async Task Sign_in_refuses_a_wrong_password_in_russian_and_then_signs_in()
    {
        await RussianAsync();
        var (account, _) = await app.ReaderAsync("Семён");
        var client = app.Reader();

        var page = await client.GetDocumentAsync("/account/sign-in");
        using var wrong = await client.SubmitAsync("/account/sign-in?ReturnUrl=/", null, ("Input.Email", account.Email), ("Input.Password", "не тот пароль"));
        using var right = await client.SubmitAsync("/account/sign-in?ReturnUrl=/", null, ("Input.Email", account.Email), ("Input.Password", Staff.Password));

        Assert.Equal("Вход", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("Запомнить меня", page.QuerySelector(".desk-form__check")!.TextContent.Trim());
        Assert.Equal("Неверный адрес электронной почты или пароль.", (await wrong.ParseAsync()).QuerySelector(".desk__error")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
    }

    [Fact]
    public async Task Deleting_an_account_speaks_russian_and_its_comments_are_signed_by_a_deleted_user()
    {
        await RussianAsync();
        var article = await publication.ArticleAsync("Бюджет принят");
        var (_, reader) = await app.ReaderAsync("Семён");
        await reader.CommentAsync(article.Id, "Слова, которые меня переживут");

        var page = await reader.GetDocumentAsync("/account/delete");
        using var wrong = await reader.SubmitAsync("/account/delete", null, ("Password", "не тот пароль"));
        using var deleted = await reader.SubmitAsync("/account/delete", null, ("Password", Staff.Password));

        Assert.Equal("Удаление учётной записи", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("Неверный пароль.", (await wrong.ParseAsync()).QuerySelector(".desk__error")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var shown = await app.GetPageAsync(PageUrl.Of(app, article));
        Assert.Equal("Удалённый пользователь", shown.QuerySelector("#comments .comment__author")!.TextContent);
    }
}
