using System.Net;
using Broadsheet.Features.Comments;
using Broadsheet.Features.Moderation;
using Broadsheet.Tests.Comments;
using Broadsheet.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Moderation;

public sealed class RuleTests : IDisposable
{
    private readonly BroadsheetApp app = new();

    public RuleTests()
    {
        app.WithoutPreModeration();
        app.Settings["Broadsheet:PublicUrl"] = "https://news.test";
    }

    public void Dispose() => app.Dispose();

    private async Task AddRuleAsync(CommentRuleKind kind, string pattern, RuleAction action, string category = "insults", string message = "Please keep it civil.")
    {
        await app.WithDbAsync(async db =>
        {
            db.Add(new CommentRule { Kind = kind, Pattern = pattern, Action = action, Category = category, Message = message });
            await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<RuleBooks>().Forget();
    }

    private async Task<Answer> PostAsync(string text)
    {
        var article = await app.OpenArticleAsync("Story " + Guid.NewGuid().ToString("N")[..6]);
        var (_, reader) = await app.ReaderAsync();
        return await reader.CommentAsync(article.Id, text);
    }

    [Fact]
    public async Task Refuses_comment_with_an_insult_from_the_default_rules_with_the_rules_message()
    {
        var answer = await PostAsync("You are an idiot");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal("Insults are against the rules: please say it without them.", answer.Message);
        Assert.Equal(0, await app.WithDbAsync(db => db.Comments.CountAsync()));
    }

    [Theory]
    [InlineData("You are an IDIOT")]
    [InlineData("You are an idiooooot")]
    [InlineData("You are an i.d.i.o.t")]
    [InlineData("You are an іdіot")] // Cyrillic і
    [InlineData("You are an ｉｄｉｏｔ")] // fullwidth
    [InlineData("Ты ИДИОТ")]
    [InlineData("ты идиoт")] // Latin o
    [InlineData("ты и-д-и-о-т")]
    public async Task Word_rules_match_on_folded_text(string text)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(text)).Status);
    }

    [Fact]
    public async Task A_word_inside_a_longer_word_does_not_match()
    {
        Assert.Equal(HttpStatusCode.Created, (await PostAsync("Idiotically simple, and the moronic tone aside, fine")).Status);
    }

    [Fact]
    public async Task Yo_and_ye_are_the_same_letter_for_word_rules()
    {
        await AddRuleAsync(CommentRuleKind.Word, "ёжик", RuleAction.Refuse, "test", "No hedgehogs.");

        Assert.Equal("No hedgehogs.", (await PostAsync("какой ежик")).Message);
    }

    [Fact]
    public async Task A_holding_word_rule_holds_the_comment_and_records_the_rule()
    {
        var answer = await PostAsync("Buy cheap casino chips");

        Assert.Equal(HttpStatusCode.Accepted, answer.Status);
        var held = await app.CommentInDbAsync(answer.Id!.Value);
        Assert.Equal(CommentStatus.Held, held.Status);
        Assert.Equal("spam (word: casino)", held.Rule);
    }

    [Fact]
    public async Task Phrase_rules_match_whole_words_in_a_row()
    {
        await AddRuleAsync(CommentRuleKind.Phrase, "send them back", RuleAction.Hold, "extremism");

        var phrase = await PostAsync("We should SEND   them... back!");
        var apart = await PostAsync("Send the letter back to them");

        Assert.Equal(HttpStatusCode.Accepted, phrase.Status);
        Assert.Equal("extremism (phrase: send them back)", (await app.CommentInDbAsync(phrase.Id!.Value)).Rule);
        Assert.Equal(HttpStatusCode.Created, apart.Status);
    }

    [Fact]
    public async Task Regular_expression_rules_refuse_with_their_message()
    {
        await AddRuleAsync(CommentRuleKind.Pattern, @"\bpromo\s*code\b", RuleAction.Refuse, "spam", "No promo codes, please.");

        var answer = await PostAsync("Use PROMO code SAVE10");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal("No promo codes, please.", answer.Message);
    }

    [Fact]
    public async Task A_regular_expression_that_runs_too_long_holds_the_comment_instead_of_failing()
    {
        await AddRuleAsync(CommentRuleKind.Pattern, @"^(a+)+$", RuleAction.Refuse, "spam", "never shown");

        var answer = await PostAsync(new string('a', 3000) + "!");

        Assert.Equal(HttpStatusCode.Accepted, answer.Status);
        Assert.Equal("pattern timed out: ^(a+)+$", (await app.CommentInDbAsync(answer.Id!.Value)).Rule);
    }

    [Theory]
    [InlineData("read http://evil.example.com/x")]
    [InlineData("read evil-site.com today")]
    [InlineData("see www.evil.example")]
    [InlineData("go to evil[.]com")]
    [InlineData("go to evil (dot) com")]
    [InlineData("go to evil(.)ru")]
    [InlineData("go to evil . com")]
    [InlineData("go to evil .com")]
    [InlineData("go to evil. com")]
    [InlineData("go to evil dot com")]
    [InlineData("go to evil．com")] // fullwidth full stop
    [InlineData("go to evil。com")] // ideographic full stop
    [InlineData("go to еvil.соm")] // Cyrillic е, с, о
    [InlineData("go to ｅｖｉｌ．ｃｏｍ")]
    [InlineData("go to evil\u200B.com")] // zero-width space
    [InlineData("go to evil.рф")]
    [InlineData("https://t.me/channel")]
    public async Task Third_party_links_are_refused_even_disguised(string text)
    {
        var answer = await PostAsync(text);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal(CommentMessages.English.ThirdPartyLink, answer.Message);
    }

    [Theory]
    [InlineData("see https://news.test/2024/05/15/story")]
    [InlineData("see www.news.test/archive")]
    [InlineData("see https://en.wikipedia.org/wiki/Budget")]
    [InlineData("the file is notes.txt, i.e. plain text")]
    [InlineData("Mr. Smith said so.It was late")]
    [InlineData("3.14 is pi")]
    public async Task The_sites_own_links_allowed_domains_and_ordinary_dots_pass(string text)
    {
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(text)).Status);
    }

    [Fact]
    public async Task An_allowed_domain_added_by_a_moderator_passes()
    {
        await AddRuleAsync(CommentRuleKind.AllowedDomain, "gov.uk", RuleAction.Hold, "");

        Assert.Equal(HttpStatusCode.Created, (await PostAsync("the report at www.ons.gov.uk says so")).Status);
    }

    [Fact]
    public async Task New_accounts_are_pre_moderated_until_enough_approved_comments()
    {
        app.Settings["Broadsheet:Comments:PreModerationApprovals"] = "1";
        var article = await app.OpenArticleAsync();
        var (account, reader) = await app.ReaderAsync();

        var first = await reader.CommentAsync(article.Id, "My very first comment");
        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal("pre-moderation: new account", (await app.CommentInDbAsync(first.Id!.Value)).Rule);
        await app.WithDbAsync(db => db.Comments.Where(c => c.Id == first.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CommentStatus.Published)));

        var second = await reader.CommentAsync(article.Id, "Now I am trusted");
        Assert.Equal(HttpStatusCode.Created, second.Status);
    }

    [Fact]
    public async Task A_reader_whose_recent_comments_are_often_rejected_falls_back_to_pre_moderation()
    {
        var article = await app.OpenArticleAsync();
        var (account, reader) = await app.ReaderAsync();
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 6; i++)
                db.Add(new Comment
                {
                    ArticleId = article.Id, AccountId = account.Id, Text = $"old {i}", CreatedAt = app.Clock.GetUtcNow().UtcDateTime.AddDays(-3),
                    Status = i < 3 ? CommentStatus.Rejected : CommentStatus.Published,
                });
            await db.SaveChangesAsync();
        });

        var answer = await reader.CommentAsync(article.Id, "Another try");

        Assert.Equal(HttpStatusCode.Accepted, answer.Status);
        Assert.Equal("pre-moderation: recent comments often rejected", (await app.CommentInDbAsync(answer.Id!.Value)).Rule);
    }

    [Fact]
    public async Task An_article_set_to_hold_all_holds_every_comment()
    {
        var article = await app.OpenArticleAsync();
        await app.WithDbAsync(async db => { db.Add(new ArticleCommentPolicy { ArticleId = article.Id, HoldAll = true }); await db.SaveChangesAsync(); });
        var (_, reader) = await app.ReaderAsync();

        var answer = await reader.CommentAsync(article.Id, "A perfectly fine comment");

        Assert.Equal(HttpStatusCode.Accepted, answer.Status);
        Assert.Equal("article: every comment held", (await app.CommentInDbAsync(answer.Id!.Value)).Rule);
        Assert.Empty(await app.ShownCommentsAsync(article));
    }

    [Fact]
    public async Task An_edit_goes_through_the_rules_too()
    {
        var article = await app.OpenArticleAsync();
        var (_, reader) = await app.ReaderAsync();
        var posted = await reader.CommentAsync(article.Id, "A calm remark");

        var edited = await reader.EditAsync(posted.Id!.Value, "A calm remark, moron");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, edited.Status);
        Assert.Equal("A calm remark", (await app.CommentInDbAsync(posted.Id!.Value)).Text);
    }
}
