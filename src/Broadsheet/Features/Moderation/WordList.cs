using System.Globalization;
using System.Text;

namespace Broadsheet.Features.Moderation;

/// <summary>
/// The word rules compiled for checking. Every form of every listed word (<see cref="WordForms"/>, plus
/// the moderator's own forms) goes into a dictionary under its Russian or English reading
/// (<see cref="LookAlikes"/>) with repeated letters collapsed; a word of a comment is read both ways and
/// looked up, so a check costs two lookups per word however long the lists are.
/// </summary>
public sealed class WordList
{
    // Title-case Russian words with these endings are read as surnames (Козлов, Дураков, Козлова) unless they are the
    // listed word itself. Not -ин: it ends too many listed nouns (кретин, скотина) to mark a surname.
    private static readonly string[] SurnameEndings = ["ов", "ев", "ова", "ева", "ову", "еву", "овым", "евым", "овой", "евой", "овых", "евых", "овы", "евы"];

    private readonly Dictionary<string, List<Entry>> russian = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entry>> english = new(StringComparer.Ordinal);
    private int longest;

    public int Count { get; private set; }

    public void Add(CommentRule rule)
    {
        var listed = rule.Pattern.Trim();
        if (listed.Length == 0) return;
        Count++;
        var forms = rule.ExactOnly ? [listed.ToLowerInvariant()] : WordForms.Of(listed, rule.Language);
        foreach (var extra in rule.Forms.Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            forms.Add(extra.ToLowerInvariant());
        var lemma = forms[0];
        foreach (var form in forms)
        {
            var russianWord = rule.Language == WordLanguage.Ru || (rule.Language == WordLanguage.Any && WordForms.IsCyrillic(form));
            var read = russianWord ? LookAlikes.Russian(form) : LookAlikes.English(form);
            if (read is null) continue;
            var (key, runs) = Collapse(read);
            var table = russianWord ? russian : english;
            if (!table.TryGetValue(key, out var entries)) table[key] = entries = [];
            var isLemma = form == lemma;
            var surnameLike = russianWord && !isLemma && SurnameEndings.Any(e => form.EndsWith(e, StringComparison.Ordinal));
            entries.Add(new Entry(rule, listed, runs, surnameLike));
            longest = Math.Max(longest, key.Length);
        }
    }

    /// <summary>The listed words <paramref name="text"/> contains, in the order written.</summary>
    public List<WordMatch> Find(string text)
    {
        var found = new List<WordMatch>();
        if (Count == 0) return found;
        var prepared = TextFold.Visible(text);
        var spaced = new List<(char Letter, int Start)>();
        var start = -1;
        for (var i = 0; i <= prepared.Length; i++)
        {
            if (i < prepared.Length && !char.IsWhiteSpace(prepared[i]))
            {
                if (start < 0) start = i;
                continue;
            }
            if (start < 0) continue;
            var token = prepared.AsSpan(start, i - start);
            start = -1;
            var (merged, parts, titleCase) = Clean(token);
            if (merged.Length == 1 && char.IsLetterOrDigit(merged[0]))
            {
                spaced.Add((merged[0], i));
                continue;
            }
            Spaced(spaced, found);
            if (merged.Length == 0) continue;
            Look(merged, token.ToString(), titleCase, found);
            if (parts is { Count: > 1 })
                foreach (var part in parts.Where(p => p.Length > 1)) Look(part, part, false, found);
        }
        Spaced(spaced, found);
        return found;
    }

    /// <summary>«и д и о т»: letters written one by one, joined and tried at every length a listed word has.</summary>
    private void Spaced(List<(char Letter, int Start)> spaced, List<WordMatch> found)
    {
        if (spaced.Count >= 3)
        {
            var letters = string.Concat(spaced.Select(s => s.Letter));
            for (var from = 0; from < letters.Length - 2; from++)
                for (var length = Math.Min(longest * 2, letters.Length - from); length >= 3; length--)
                {
                    var piece = letters.Substring(from, length);
                    var before = found.Count;
                    Look(piece, string.Join(' ', piece.ToCharArray()), false, found);
                    if (found.Count > before) { from += length - 1; break; }
                }
        }
        spaced.Clear();
    }

    private void Look(string word, string written, bool titleCase, List<WordMatch> found)
    {
        var match = InRussian(word, titleCase)
            // A 3 in a Russian word stands for з («ко3ёл») or for е («д3бил»): both are tried.
            ?? (word.Contains('3', StringComparison.Ordinal) ? InRussian(word.Replace('3', 'е'), titleCase) : null)
            ?? (LookAlikes.English(word) is { } e ? Match(english, e, false, "aeiouy") : null);
        if (match is not null) found.Add(new(match.Rule, match.Listed, written));
    }

    private Entry? InRussian(string word, bool titleCase) => LookAlikes.Russian(word) is { } r ? Match(russian, r, titleCase, "аеиоуыэюя") : null;

    private static Entry? Match(Dictionary<string, List<Entry>> table, string read, bool titleCase, string vowels)
    {
        var (key, runs) = Collapse(read);
        if (!table.TryGetValue(key, out var entries)) return null;
        Entry? best = null;
        foreach (var entry in entries)
        {
            if (entry.SurnameLike && titleCase) continue;
            if (!Stretched(key, runs, entry.Runs, vowels)) continue;
            if (best is null || (best.Rule.Action == RuleAction.Hold && entry.Rule.Action == RuleAction.Refuse)) best = entry;
        }
        return best;
    }

    /// <summary>
    /// Whether the letters as written stretch the listed ones: "ass" is listed with a double s, so "as" is
    /// another word and "asss" the same one. A listed single letter may be written long when it is a vowel
    /// ("идиооот") or three times or more ("fuckkk"), not merely doubled: "Twatt" and "Сукко" are places.
    /// </summary>
    private static bool Stretched(string key, byte[]? written, byte[]? listed, string vowels)
    {
        if (written is null) return listed is null || listed.All(n => n == 1);
        for (var k = 0; k < written.Length; k++)
        {
            var needed = listed?[k] ?? 1;
            if (written[k] < needed) return false;
            if (written[k] > needed && written[k] < 3 && !vowels.Contains(key[k], StringComparison.Ordinal)) return false;
        }
        return true;
    }

    /// <summary>Repeated letters collapsed ("идиииот" → "идиот"), with how many each was, or null runs when none repeated.</summary>
    private static (string Key, byte[]? Runs) Collapse(string read)
    {
        var b = new StringBuilder(read.Length);
        List<byte>? runs = null;
        for (var i = 0; i < read.Length; i++)
        {
            if (b.Length > 0 && b[^1] == read[i])
            {
                runs ??= [.. Enumerable.Repeat((byte)1, b.Length)];
                runs[^1] = (byte)Math.Min(255, runs[^1] + 1);
                continue;
            }
            b.Append(read[i]);
            runs?.Add(1);
        }
        return (b.ToString(), runs?.ToArray());
    }

    /// <summary>
    /// The token in lower case with punctuation inside it dropped («и.д.и.о.т», "i-d-i-o-t"), and the pieces
    /// between that punctuation ("so.Idiots", «идиот,дебил»). Punctuation at either end is not part of the word,
    /// but '@' and '$' are kept there: «дур@» is a disguise.
    /// </summary>
    private static (string Merged, List<string>? Parts, bool TitleCase) Clean(ReadOnlySpan<char> token)
    {
        static bool Kept(char c) => char.IsLetterOrDigit(c) || c is '@' or '$';
        // A hyphen or an apostrophe joins the parts of one word (Лох-Несс, Ханты-Мансийск, idiot's): those parts are not tried alone.
        static bool Splits(char c) => c is not ('-' or '\'' or '’' or '‐' or '‑');
        var from = 0;
        var to = token.Length;
        while (from < to && !Kept(token[from])) from++;
        while (to > from && !Kept(token[to - 1])) to--;
        token = token[from..to];
        var titleCase = token.Length > 1 && char.IsUpper(token[0]);
        if (titleCase) foreach (var c in token[1..]) titleCase &= !char.IsUpper(c);
        var merged = new StringBuilder(token.Length);
        List<string>? parts = null;
        var part = new StringBuilder();
        foreach (var c in token)
        {
            // '!' and '|' stand for i inside a word ("sh!t"); other punctuation hides the word or separates two.
            if (Kept(c) || c is '!' or '|')
            {
                var lower = char.ToLower(c, CultureInfo.InvariantCulture);
                merged.Append(lower);
                part.Append(lower);
            }
            else if (Splits(c) && part.Length > 0)
            {
                (parts ??= []).Add(part.ToString());
                part.Clear();
            }
        }
        if (parts is not null && part.Length > 0) parts.Add(part.ToString());
        return (merged.ToString(), parts, titleCase);
    }

    private sealed record Entry(CommentRule Rule, string Listed, byte[]? Runs, bool SurnameLike);
}

/// <summary>A listed word found in a comment: the rule, the word as listed, and as it was written.</summary>
public sealed record WordMatch(CommentRule Rule, string Listed, string Written);
