using System.Net;
using Broadsheet.Features.Comments;
using Broadsheet.Features.Moderation;
using Broadsheet.Tests.Comments;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Moderation;

/// <summary>Word lists through the app: a reader's comment in another form of a listed word, the moderator's view of why, and the rules page's lists and trial form.</summary>
public sealed class WordListTests : IDisposable
{
    private const string RulesPage = "/newsroom/moderation/rules";
    private readonly BroadsheetApp app = new();

    public WordListTests()
    {
        app.WithoutPreModeration();
        app.Settings["Broadsheet:PublicUrl"] = "https://news.test";
    }

    public void Dispose() => app.Dispose();

    private async Task<Answer> PostAsync(string text)
    {
        var article = await app.OpenArticleAsync("Story " + Guid.NewGuid().ToString("N")[..6]);
        var (_, reader) = await app.ReaderAsync();
        return await reader.CommentAsync(article.Id, text);
    }

    [Theory]
    [InlineData("Эту статью писали дебилы")]
    [InlineData("С такими идиотами спорить бесполезно")]
    [InlineData("Ну и мразью же надо быть")]
    [InlineData("You are an id1ot")]
    [InlineData("Only idiots would believe this")]
    [InlineData("автор — и д и о т")]
    [InlineData("автор - дeбuл")] // Latin e and u
    [InlineData("автор — ИДИИИОТ")]
    public async Task Other_forms_and_disguises_of_a_listed_word_are_refused_with_the_rules_own_message(string text)
    {
        var answer = await PostAsync(text);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal("Insults are against the rules: please say it without them.", answer.Message);
        Assert.Equal(0, await app.WithDbAsync(db => db.Comments.CountAsync()));
    }

    [Theory]
    [InlineData("Бои под Дебальцево шли месяц")]
    [InlineData("The class assistant moved to Scunthorpe")]
    [InlineData("Режиссёр Идиатуллин снял фильм о Кретинге")]
    [InlineData("Министр Козлов ответил депутатам")]
    public async Task Words_that_merely_contain_a_listed_stem_pass(string text)
    {
        await app.WithDbAsync(async db =>
        {
            db.Add(new CommentRule { Kind = CommentRuleKind.Word, Pattern = "козёл", Language = WordLanguage.Ru, Action = RuleAction.Refuse, Category = "insults", Message = "No." });
            await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<RuleBooks>().Forget();

        Assert.Equal(HttpStatusCode.Created, (await PostAsync(text)).Status);
    }

    [Fact]
    public async Task A_held_comment_shows_the_moderator_the_listed_word_and_what_was_written()
    {
        var moderator = await app.SignedInAsync("Moderator");
        using var added = await moderator.SubmitAsync(RulesPage, "Add", ("Input.Kind", "0"), ("Input.Category", "insults"),
            ("Input.Pattern", "негодяй"), ("Input.Action", "0"), ("Input.Message", "Без оскорблений."), ("Input.Language", "1"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var answer = await PostAsync("Там одни негодяи сидят");

        Assert.Equal(HttpStatusCode.Accepted, answer.Status);
        var held = await app.CommentInDbAsync(answer.Id!.Value);
        Assert.Equal("insults (word: негодяй as \"негодяи\")", held.Rule);
        var queue = await moderator.GetDocumentAsync("/newsroom/moderation");
        Assert.Equal(held.Rule, queue.QuerySelector($"[data-comment='{held.Id}'] [data-rule]")!.TextContent);
    }

    [Fact]
    public async Task A_moderator_tries_a_sentence_and_sees_the_verdict_and_the_matched_word_without_saving_anything()
    {
        var moderator = await app.SignedInAsync("Moderator");

        using var tried = await moderator.SubmitAsync(RulesPage, "Try", ("Trial", "Какие же д3билы это писали"));
        var page = await tried.ParseAsync();

        Assert.Equal(HttpStatusCode.OK, tried.StatusCode);
        Assert.Equal("Refuse", page.QuerySelector("[data-trial-verdict]")!.GetAttribute("data-trial-verdict"));
        Assert.Equal("insults (word: дебил as \"д3билы\")", page.QuerySelector("[data-trial-rule]")!.TextContent);
        Assert.Equal("д3билы", page.QuerySelector("[data-trial-written]")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.Comments.CountAsync()));

        using var clean = await moderator.SubmitAsync(RulesPage, "Try", ("Trial", "Бои под Дебальцево"));
        Assert.Equal("Publish", (await clean.ParseAsync()).QuerySelector("[data-trial-verdict]")!.GetAttribute("data-trial-verdict"));

        using var empty = await moderator.SubmitAsync(RulesPage, "Try", ("Trial", " "));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Null((await empty.ParseAsync()).QuerySelector("[data-trial-verdict]"));
    }

    [Fact]
    public async Task An_exact_only_word_matches_itself_and_its_listed_forms_only_and_lists_are_shown_per_language()
    {
        var moderator = await app.SignedInAsync("Moderator");
        using var added = await moderator.SubmitAsync(RulesPage, "Add", ("Input.Kind", "0"), ("Input.Category", "insults"), ("Input.Pattern", "дура"),
            ("Input.Action", "1"), ("Input.Message", "Без оскорблений."), ("Input.Language", "1"), ("Input.Forms", "дуры, дурой"), ("Input.ExactOnly", "true"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync("Сама ты дура")).Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync("Какие же они дуры")).Status);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync("Дуру гонять не надо")).Status);

        var russian = await moderator.GetDocumentAsync(RulesPage + "?language=Ru");
        var patterns = russian.QuerySelectorAll("tr[data-rule] code").Select(c => c.TextContent).ToList();
        Assert.Contains("дура", patterns);
        Assert.Contains("идиот", patterns);
        Assert.DoesNotContain("idiot", patterns);
        Assert.DoesNotContain("kill them all", patterns);
        var rule = await app.WithDbAsync(db => db.CommentRules.SingleAsync(r => r.Pattern == "дура"));
        Assert.True(rule.ExactOnly);
        Assert.Equal(WordLanguage.Ru, rule.Language);
        Assert.Equal("дуры, дурой", rule.Forms);
    }
}
