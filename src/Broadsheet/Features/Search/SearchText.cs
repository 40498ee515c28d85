namespace Broadsheet.Features.Search;

/// <summary>
/// A reader's words, taken as words: no operator or wildcard of any engine survives, so a
/// stray quote, asterisk or bracket can never make a query fail. A phrase is what stands
/// between a balanced pair of quotes; with an odd number of quotes, every quote is ignored.
/// </summary>
public sealed record SearchText(IReadOnlyList<string> Words, IReadOnlyList<IReadOnlyList<string>> Phrases)
{
    /// <summary>Longer input is cut: nobody types more into a search box, and 10 KB of text must not cost 10 KB of query.</summary>
    public const int MaxLength = 300;
    public const int MaxWords = 12;

    public bool IsEmpty => Words.Count == 0 && Phrases.Count == 0;

    public static SearchText Parse(string? text)
    {
        text ??= "";
        if (text.Length > MaxLength) text = text[..MaxLength];
        var quotes = text.Count(c => c == '"');
        var segments = quotes > 0 && quotes % 2 == 0 ? text.Split('"') : [text.Replace('"', ' ')];

        var words = new List<string>();
        var phrases = new List<IReadOnlyList<string>>();
        var budget = MaxWords;
        for (var i = 0; i < segments.Length && budget > 0; i++)
        {
            var found = WordsOf(segments[i]).Take(budget).ToList();
            budget -= found.Count;
            var isPhrase = i % 2 == 1;
            if (isPhrase && found.Count > 1) phrases.Add(found);
            else words.AddRange(found);
        }
        return new SearchText(words, phrases);
    }

    private static IEnumerable<string> WordsOf(string segment)
    {
        var start = -1;
        for (var i = 0; i <= segment.Length; i++)
        {
            var inWord = i < segment.Length && (char.IsLetterOrDigit(segment[i]) || IsInnerApostrophe(segment, i, start));
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                yield return segment[start..i];
                start = -1;
            }
        }
    }

    // "Britain's" stays one word, so the English analysis can drop the possessive rather than leave a lone "s".
    private static bool IsInnerApostrophe(string s, int i, int start) =>
        start >= 0 && s[i] is '\'' or '’' && i + 1 < s.Length && char.IsLetter(s[i + 1]);
}
