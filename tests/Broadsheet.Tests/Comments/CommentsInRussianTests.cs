using System.Net;
using Broadsheet.Features.Comments;
using Broadsheet.Features.Moderation;
using Broadsheet.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Comments;

/// <summary>A Russian site speaks Russian under its articles: the count, the forms, the page's and the API's answers.</summary>
public sealed class CommentsInRussianTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public CommentsInRussianTests()
    {
        app.WithoutPreModeration();
        publication = new TestPublication(app);
    }

    public void Dispose() => app.Dispose();

    private async Task RussianAsync() => await publication.SettingsAsync(s => s.Language = "ru");

    [Theory]
    [InlineData(1, "1 комментарий")]
    [InlineData(2, "2 комментария")]
    [InlineData(5, "5 комментариев")]
    [InlineData(11, "11 комментариев")]
    [InlineData(21, "21 комментарий")]
    public async Task The_count_takes_the_russian_plural(int count, string heading)
    {
        await RussianAsync();
        var article = await publication.ArticleAsync("Бюджет принят");
        // Stored directly: the count is what is under test, not the rate limits that posting 21 would meet.
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < count; i++)
                db.Add(new Comment { ArticleId = article.Id, Text = $"Комментарий {i}", Status = CommentStatus.Published, CreatedAt = app.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        });

        var page = await app.GetPageAsync(PageUrl.Of(app, article));
        var own = await app.Reader().GetDocumentAsync($"/articles/{article.Id}/comments");

        Assert.Equal(heading, page.QuerySelector("#comments-title")!.TextContent);
        Assert.Equal(count.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("#comments-title .comments__count")!.TextContent);
        Assert.Equal(heading, own.QuerySelector("#comments-title")!.TextContent);
        Assert.Equal("Удалённый пользователь", page.QuerySelector("#comments .comment__author")!.TextContent);
    }

    [Fact]
    public async Task The_english_count_says_comment_or_comments()
    {
        var article = await publication.ArticleAsync("Council approves the budget");
        var (_, reader) = await app.ReaderAsync();
        await reader.CommentAsync(article.Id, "The only comment");

        var page = await app.GetPageAsync(PageUrl.Of(app, article));

        Assert.Equal("1 comment", page.QuerySelector("#comments-title")!.TextContent);
    }

    [Fact]
    public async Task The_article_page_gives_the_comment_script_its_words_in_russian()
    {
        await RussianAsync();
        var article = await publication.ArticleAsync("Бюджет принят");
        var (_, reader) = await app.ReaderAsync();
        await reader.CommentAsync(article.Id, "Первый комментарий");

        var page = await app.GetPageAsync(PageUrl.Of(app, article));
        var compose = page.QuerySelector("#comment-compose")!;

        Assert.Equal("Написать комментарий", compose.QuerySelector("a")!.TextContent);
        Assert.Equal("Ваш комментарий", compose.GetAttribute("data-label"));
        Assert.Equal("Отправить", compose.GetAttribute("data-post"));
        Assert.Equal("Что-то пошло не так. Попробуйте ещё раз.", compose.GetAttribute("data-failed"));
    }

    [Fact]
    public async Task The_comments_page_speaks_russian_to_a_signed_in_reader()
    {
        await RussianAsync();
        var article = await publication.ArticleAsync("Бюджет принят");
        var (_, anna) = await app.ReaderAsync("Анна");
        var (_, boris) = await app.ReaderAsync("Борис");
        await anna.CommentAsync(article.Id, "Комментарий Анны");

        var page = await boris.GetDocumentAsync($"/articles/{article.Id}/comments");

        Assert.Equal("Ваш комментарий", page.QuerySelector("label[for=comment-text]")!.TextContent);
        Assert.Equal("Отправить", page.QuerySelector("#compose button")!.TextContent);
        Assert.Equal("Ответить", page.QuerySelector(".comment__actions a")!.TextContent);
        Assert.Equal("Вы комментируете как Борис", page.QuerySelector(".comment-form__as")!.TextContent);
        Assert.Equal("Пожаловаться", page.QuerySelector(".comment__report summary")!.TextContent);
        Assert.Equal("Что не так с этим комментарием?", page.QuerySelector(".report-menu legend")!.TextContent);
        Assert.Equal(["Оскорбление", "Экстремизм", "Недостоверная информация", "Спам", "Другое"],
            page.QuerySelectorAll(".report-menu label").Select(o => o.TextContent.Trim()));
        // The reason is chosen on demand: none is ticked in advance.
        Assert.Empty(page.QuerySelectorAll(".report-menu input:checked"));
        Assert.StartsWith("Комментарии: Бюджет принят", page.Title);
    }

    [Fact]
    public async Task A_signed_out_reader_is_asked_in_russian_to_sign_in()
    {
        await RussianAsync();
        var article = await publication.ArticleAsync("Бюджет принят");

        var page = await app.Reader().GetDocumentAsync($"/articles/{article.Id}/comments");

        Assert.Equal("Войдите или зарегистрируйтесь, чтобы оставить комментарий.", page.QuerySelector(".comments__signin")!.TextContent);
    }

    [Fact]
    public async Task The_comments_page_shows_a_refusal_in_russian()
    {
        await RussianAsync();
        var article = await publication.ArticleAsync("Бюджет принят");
        var (_, reader) = await app.ReaderAsync();

        using var refused = await reader.SubmitAsync($"/articles/{article.Id}/comments", null, ("Text", "смотрите spam-site.com"));
        var page = await refused.ParseAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("Ссылки на сторонние сайты в комментариях запрещены. Ссылки на материалы нашего сайта — можно.",
            page.QuerySelector(".comments__problem")!.TextContent);
    }

    [Fact]
    public async Task A_held_comment_is_announced_and_marked_in_russian()
    {
        app.Settings["Broadsheet:Comments:PreModerationApprovals"] = "2";
        await RussianAsync();
        var article = await publication.ArticleAsync("Бюджет принят");
        var (_, reader) = await app.ReaderAsync();
        var path = $"/articles/{article.Id}/comments";

        using (await reader.SubmitAsync(path, null, ("Text", "Первый комментарий новичка"))) { }
        var page = await reader.GetDocumentAsync(path);

        Assert.Equal("Спасибо! Комментарий отправлен на проверку модератору и появится после неё.", page.QuerySelector(".comments__status")!.TextContent);
        Assert.Equal("Ждёт проверки модератором — до проверки его видите только вы", page.QuerySelector(".comment--waiting .comment__waiting")!.TextContent);
    }

    [Fact]
    public async Task The_api_refuses_in_russian()
    {
        await RussianAsync();
        var article = await publication.ArticleAsync("Бюджет принят");
        var (_, reader) = await app.ReaderAsync();

        var link = await reader.CommentAsync(article.Id, "смотрите spam-site.com");
        var empty = await reader.CommentAsync(article.Id, " ");
        var tooLong = await reader.CommentAsync(article.Id, new string('я', Comment.TextMax + 1));
        var signedOut = await CommentSteps.SendAsync(app.Reader(), HttpMethod.Post, $"/api/articles/{article.Id}/comments", new { text = "Привет" }, withToken: false);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, link.Status);
        Assert.Equal(CommentMessages.Russian.ThirdPartyLink, link.Message);
        Assert.Equal("Напишите хотя бы два символа.", empty.Message);
        Assert.Equal("Комментарий может быть не длиннее 4\u00a0000 символов, а в этом — 4\u00a0001.", tooLong.Message);
        Assert.Equal(HttpStatusCode.Unauthorized, signedOut.Status);
        Assert.Equal("Войдите, чтобы оставить комментарий.", signedOut.Message);
    }

    [Fact]
    public async Task The_rate_limit_answers_429_in_russian()
    {
        app.Settings["Broadsheet:Comments:PerMinute"] = "2";
        await RussianAsync();
        var article = await publication.ArticleAsync("Бюджет принят");
        var (_, reader) = await app.ReaderAsync();

        await reader.CommentAsync(article.Id, "Первый");
        await reader.CommentAsync(article.Id, "Второй");
        var third = await reader.CommentAsync(article.Id, "Третий");

        Assert.Equal(HttpStatusCode.TooManyRequests, third.Status);
        Assert.Equal("Слишком много комментариев: не больше 2 в минуту. Попробуйте через минуту.", third.Message);
    }

    [Fact]
    public async Task A_rule_a_moderator_wrote_keeps_its_own_words_and_one_without_words_refuses_in_russian()
    {
        await RussianAsync();
        var article = await publication.ArticleAsync("Бюджет принят");
        var (_, reader) = await app.ReaderAsync();
        await app.WithDbAsync(async db =>
        {
            db.Add(new CommentRule { Kind = CommentRuleKind.Word, Pattern = "негодяй", Action = RuleAction.Refuse });
            db.Add(new CommentRule { Kind = CommentRuleKind.Word, Pattern = "мерзавец", Action = RuleAction.Refuse, Message = "Без «мерзавцев», пожалуйста." });
            await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<RuleBooks>().Forget();

        var unworded = await reader.CommentAsync(article.Id, "Он негодяй");
        var worded = await reader.CommentAsync(article.Id, "Он мерзавец");

        Assert.Equal("Комментарий нарушает правила сайта.", unworded.Message);
        Assert.Equal("Без «мерзавцев», пожалуйста.", worded.Message);
    }
}
