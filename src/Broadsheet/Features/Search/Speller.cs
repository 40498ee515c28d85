using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;

namespace Broadsheet.Features.Search;

/// <summary>
/// A query that found nothing, spelt the way the site spells it. <see cref="IsClear"/> when every changed word
/// had one obvious replacement, so the page may show the corrected results straight away rather than only ask.
/// </summary>
public sealed record SpellingCorrection(string Text, bool IsClear);

/// <summary>
/// Corrects each word of a query on its own against the words the site has published: a word the site
/// has is left alone; another becomes the nearest known word (letters swapped, missing, doubled or
/// wrong count as one edit each), the more frequent one when several are as near. Е and ё are one
/// letter here, as Russian readers type them, but the suggestion is spelt as the site spells it.
/// </summary>
public static partial class Speller
{
    // Short words have too many neighbours one edit away to guess between; longer ones bear two edits.
    private const int ShortestCorrected = 3;
    private const int LongestForOneEdit = 4;
    private const int LongestCorrected = 40;

    // A runner-up as near as the best but this many times rarer does not make the correction doubtful.
    private const int ClearMargin = 3;

    public static SpellingCorrection? Correct(string text, SiteWords.Vocabulary words)
    {
        var changed = false;
        var clear = true;
        var corrected = Word().Replace(text, m =>
        {
            if (Fix(m.Value, words) is not { } fix) return m.Value;
            changed = true;
            clear &= fix.IsClear;
            return fix.Text;
        });
        return changed ? new SpellingCorrection(corrected, clear) : null;
    }

    private static SpellingCorrection? Fix(string word, SiteWords.Vocabulary words)
    {
        if (word.Length is < ShortestCorrected or > LongestCorrected || word.Any(char.IsDigit)) return null;
        var key = SiteWords.Key(word);
        if (words.Contains(key)) return null;

        var limit = key.Length <= LongestForOneEdit ? 1 : 2;
        if (Nearest(key, limit, words.OfLength) is { } fix) return new SpellingCorrection(InCaseOf(word, fix.Text), fix.IsClear);

        // No printed form is near: the site may print the word only in other forms. Correct the stem, keep the ending.
        var stem = Stems.Of(key);
        if (stem.Length < ShortestCorrected || words.ContainsStem(stem)) return null;
        if (Nearest(stem, stem.Length <= LongestForOneEdit ? 1 : 2, words.StemsOfLength) is not { } stemFix) return null;
        return new SpellingCorrection(InCaseOf(word, stemFix.Text + key[stem.Length..]), stemFix.IsClear);
    }

    /// <summary>The known word (or stem) nearest to <paramref name="key"/> within <paramref name="limit"/> edits, and whether it is clearly the one.</summary>
    private static SpellingCorrection? Nearest(string key, int limit, Func<int, IReadOnlyList<SiteWords.Entry>> ofLength)
    {
        var letters = SiteWords.LettersOf(key);
        SiteWords.Entry? best = null, second = null;
        var bestDistance = int.MaxValue;
        var secondDistance = int.MaxValue;
        for (var length = key.Length - limit; length <= key.Length + limit; length++)
        {
            foreach (var entry in ofLength(length))
            {
                if (BitOperations.PopCount(letters & ~entry.Letters) > limit || BitOperations.PopCount(entry.Letters & ~letters) > limit) continue;
                var d = Distance(key, entry.Key, limit);
                if (d > limit) continue;
                if (d < bestDistance || (d == bestDistance && entry.Count > best!.Count))
                {
                    (second, secondDistance) = (best, bestDistance);
                    (best, bestDistance) = (entry, d);
                }
                else if (d < secondDistance || (d == secondDistance && entry.Count > second!.Count))
                {
                    (second, secondDistance) = (entry, d);
                }
            }
        }
        if (best is null) return null;
        var isClear = second is null || secondDistance > bestDistance || best.Count >= ClearMargin * second.Count;
        return new SpellingCorrection(best.Form, isClear);
    }

    /// <summary>Edits between two words (optimal string alignment: a swap of neighbours is one), or more than <paramref name="limit"/> once that is certain.</summary>
    private static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        Span<int> before = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowBest = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = Math.Min(d, before[j - 2] + 1);
                current[j] = d;
                rowBest = Math.Min(rowBest, d);
            }
            if (rowBest > limit) return limit + 1;
            var spare = before;
            before = previous;
            previous = current;
            current = spare;
        }
        return previous[b.Length];
    }

    /// <summary>The reader's capitals kept: "СТАДЕОН" becomes "СТАДИОН", "Стадеон" "Стадион".</summary>
    private static string InCaseOf(string typed, string form)
    {
        if (typed.All(c => !char.IsLetter(c) || char.IsUpper(c)) && typed.Length > 1) return form.ToUpper(CultureInfo.InvariantCulture);
        if (char.IsUpper(typed[0]))
            return new StringBuilder(form.Length).Append(char.ToUpper(form[0], CultureInfo.InvariantCulture)).Append(form, 1, form.Length - 1).ToString();
        return form;
    }

    [GeneratedRegex(@"\p{L}[\p{L}\p{Nd}]*")]
    private static partial Regex Word();
}
