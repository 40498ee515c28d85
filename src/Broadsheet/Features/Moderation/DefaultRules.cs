using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Moderation;

/// <summary>
/// The starting rule set, one line per point of the usual published rules: no insults, no calls to
/// violence or extremism, no advertising or spam, no personal data. Moderators grow it in the newsroom.
/// </summary>
public static class DefaultRules
{
    private const string Insult = "Insults are against the rules: please say it without them.";
    private const string Violence = "Calls to violence and extremism are against the rules.";
    private const string InsultRussian = "Оскорбления запрещены правилами. Пожалуйста, выскажитесь без них.";
    private const string ViolenceRussian = "Призывы к насилию и экстремизм запрещены правилами.";

    public static CommentRule[] All =>
    [
        Rule(1, CommentRuleKind.Word, "insults", "idiot", RuleAction.Refuse, Insult, language: WordLanguage.En),
        Rule(2, CommentRuleKind.Word, "insults", "moron", RuleAction.Refuse, Insult, language: WordLanguage.En),
        Rule(3, CommentRuleKind.Word, "insults", "scum", RuleAction.Hold, language: WordLanguage.En),
        Rule(4, CommentRuleKind.Word, "insults", "идиот", RuleAction.Refuse, Insult, language: WordLanguage.Ru),
        Rule(5, CommentRuleKind.Word, "insults", "дебил", RuleAction.Refuse, Insult, language: WordLanguage.Ru),
        Rule(6, CommentRuleKind.Word, "insults", "мразь", RuleAction.Refuse, Insult, language: WordLanguage.Ru),
        Rule(7, CommentRuleKind.Phrase, "extremism", "kill them all", RuleAction.Refuse, Violence),
        Rule(8, CommentRuleKind.Phrase, "extremism", "death to", RuleAction.Hold),
        Rule(9, CommentRuleKind.Phrase, "extremism", "убить их всех", RuleAction.Refuse, Violence),
        Rule(10, CommentRuleKind.Phrase, "extremism", "смерть всем", RuleAction.Hold),
        Rule(11, CommentRuleKind.Phrase, "spam", "buy now", RuleAction.Hold),
        Rule(12, CommentRuleKind.Phrase, "spam", "earn money fast", RuleAction.Hold),
        Rule(13, CommentRuleKind.Phrase, "spam", "заработок без вложений", RuleAction.Hold),
        Rule(14, CommentRuleKind.Word, "spam", "casino", RuleAction.Hold, language: WordLanguage.En),
        Rule(15, CommentRuleKind.Word, "spam", "казино", RuleAction.Hold, language: WordLanguage.Ru),
        Rule(16, CommentRuleKind.Pattern, "personal data", @"(?:\+?\d[\s()-]*){10,15}", RuleAction.Hold),
        Rule(17, CommentRuleKind.Pattern, "personal data", @"[\w.+-]+@[\w-]+\.[\w.]+", RuleAction.Hold),
        Rule(18, CommentRuleKind.AllowedDomain, "", "wikipedia.org", RuleAction.Hold),
    ];

    // Negative ids: PostgreSQL's identity sequence does not move past seeded rows, so positive ones would collide with the first rule a moderator adds.
    private static CommentRule Rule(int id, CommentRuleKind kind, string category, string pattern, RuleAction action, string message = "", WordLanguage language = WordLanguage.Any) =>
        new() { Id = -id, Kind = kind, Category = category, Pattern = pattern, Action = action, Message = message, Language = language };

    /// <summary>
    /// The migration seeds the messages in English whatever the site's language; a publication laid down
    /// in Russian (the demo) gets them in Russian. After that they are the moderators' data, reworded on the rules page.
    /// </summary>
    public static async Task UseRussianMessagesAsync(BroadsheetDb db, CancellationToken ct)
    {
        var rules = db.CommentRules.Where(r => r.Id < 0);
        await rules.Where(r => r.Message == Insult).ExecuteUpdateAsync(s => s.SetProperty(r => r.Message, InsultRussian), ct);
        await rules.Where(r => r.Message == Violence).ExecuteUpdateAsync(s => s.SetProperty(r => r.Message, ViolenceRussian), ct);
    }
}
