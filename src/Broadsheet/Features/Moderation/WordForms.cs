using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Broadsheet.Features.Moderation;

/// <summary>
/// The forms a listed word takes: its stem (Snowball, as the search index uses) with each inflectional
/// ending of the language, kept only where the stemmer agrees the result is the same word. Generating
/// forms once, when the rule book is built, keeps a check to one dictionary lookup per word; stemming
/// every word of every comment would cost more and would also take derivations the rule did not mean
/// ("idiotically" stems to "idiot", "retardant" to "retard").
/// </summary>
public static class WordForms
{
    // Endings by how the listed word ends, the way a grammar book groups declensions; the stemmer then
    // vets every candidate. Trying every ending on every word would also make "суко" of «сука», and
    // "Сукко", a village, would be refused.
    private static readonly string[] Masculine = ["", "а", "у", "ом", "е", "ы", "и", "ов", "ев", "ей", "ам", "ями", "ами", "ах", "ям", "ях", "ем"];
    private static readonly string[] SoftSign = ["ь", "и", "ью", "ей", "ям", "ями", "ях", "ам", "ами", "ах", "я", "ю", "ем", "е"];
    private static readonly string[] Feminine = ["", "а", "я", "ы", "и", "е", "у", "ю", "ой", "ей", "ою", "ам", "ями", "ами", "ах", "ям", "ях"];
    private static readonly string[] Neuter = ["", "о", "е", "а", "у", "ом", "ем", "ам", "ами", "ах"];
    private static readonly string[] Adjective = ["ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ым", "им", "ую", "юю", "ых", "их", "ыми", "ими", "ою", "ею"];
    private static readonly string[] Verb = ["ть", "ться", "л", "ла", "ло", "ли", "лся", "лась", "лось", "лись", "ю", "ешь", "ет", "ем", "ете", "ют", "ишь", "ит", "им", "ите", "ят", "й", "йте", "ется", "ются", "ится", "ятся"];

    // Russian nouns that drop a vowel when declined: козёл → козла, ублюдок → ублюдка, подонок → подонка.
    private static readonly string[] FleetingVowels = ["ок", "ек", "ёк", "ел", "ёл", "ец"];
    private static readonly string[] FleetingEndings = ["а", "у", "ом", "е", "и", "ы", "ов", "ам", "ами", "ах"];

    private static readonly string[] EnglishEndings = ["", "s", "es", "ed", "d", "ing", "er", "ers", "est", "y"];

    public static bool IsCyrillic(string word) => word.Any(c => c is >= 'а' and <= 'я' or 'ё');

    /// <summary>The forms of <paramref name="word"/> (lower case, as written by the moderator), itself first.</summary>
    public static List<string> Of(string word, WordLanguage language)
    {
        word = word.Trim().ToLowerInvariant();
        var russian = language == WordLanguage.Ru || (language == WordLanguage.Any && IsCyrillic(word));
        return russian ? Russian(word.Replace('ё', 'е')) : English(word);
    }

    private static List<string> Russian(string word)
    {
        var stemmer = new RussianStemmer();
        var stem = Stem(stemmer, word);
        var forms = new List<string> { word };
        var (bare, endings) = word switch
        {
            _ when word.EndsWith("ться", StringComparison.Ordinal) => (word[..^4], Verb),
            _ when word.EndsWith("ть", StringComparison.Ordinal) => (word[..^2], Verb),
            _ when word.Length > 3 && Adjective.Any(e => e.Length == 2 && word.EndsWith(e, StringComparison.Ordinal)) => (word[..^2], Adjective),
            _ when word.EndsWith('ь') => (word[..^1], SoftSign),
            _ when word.EndsWith('а') || word.EndsWith('я') => (word[..^1], Feminine),
            _ when word.EndsWith('о') || word.EndsWith('е') => (word[..^1], Neuter),
            _ when word.EndsWith('й') => (word[..^1], Masculine),
            _ => (word, Masculine),
        };
        foreach (var ending in endings)
            // The stemmer takes the candidate back to the listed word's stem or to the bare word: either way the
            // ending is one it knows. (It over-stems some listed words: «дебил» as if a verb in -ил.)
            if (bare + ending is var form && form.Length > 1 && Stem(stemmer, form) is var s && (s == stem || s == bare) && !forms.Contains(form)) forms.Add(form);
        foreach (var fleeting in FleetingVowels)
        {
            if (word.Length < 5 || !word.EndsWith(fleeting.Replace('ё', 'е'), StringComparison.Ordinal)) continue;
            var shortStem = word[..^2] + word[^1];
            foreach (var ending in FleetingEndings)
                if (shortStem + ending is var form && Stem(stemmer, form) == Stem(stemmer, shortStem + "а") && !forms.Contains(form)) forms.Add(form);
        }
        return forms;
    }

    private static List<string> English(string word)
    {
        var stemmer = new EnglishStemmer();
        var stem = Stem(stemmer, word);
        var forms = new List<string> { word };
        void Try(string form)
        {
            if (Stem(stemmer, form) == stem && !forms.Contains(form)) forms.Add(form);
        }
        foreach (var ending in EnglishEndings) Try(word + ending);
        if (word.Length > 2 && !"aeiouy".Contains(word[^1], StringComparison.Ordinal))
            foreach (var ending in new[] { "ed", "ing", "er", "ers", "y" }) Try(word + word[^1] + ending);
        if (word.EndsWith('y')) foreach (var ending in new[] { "ies", "ied", "ier", "iest" }) Try(word[..^1] + ending);
        if (word.EndsWith('e')) foreach (var ending in new[] { "ing", "ed", "er", "ers" }) Try(word[..^1] + ending);
        return forms;
    }

    private static string Stem(SnowballProgram stemmer, string word)
    {
        stemmer.SetCurrent(word);
        stemmer.Stem();
        return stemmer.Current;
    }
}
