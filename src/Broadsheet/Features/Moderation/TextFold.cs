using System.Globalization;
using System.Text;

namespace Broadsheet.Features.Moderation;

/// <summary>
/// Folds text to the form rules are matched on, so "ИДИОТ", "идиооот", "i.d.i.o.t" and "іdiot" with a
/// Cyrillic і all meet the same word rule: compatibility forms (fullwidth letters), case, ё→е,
/// Cyrillic look-alikes → Latin, punctuation inside a word dropped, repeated letters collapsed.
/// Rules are folded the same way when compiled, so both sides meet in the middle.
/// </summary>
public static class TextFold
{
    // Cyrillic letters that look like Latin ones fold to the Latin; the reverse direction would do as
    // well, what matters is that rule and text take the same one.
    private static readonly Dictionary<char, char> LookAlikes = new()
    {
        ['а'] = 'a', ['в'] = 'b', ['е'] = 'e', ['ё'] = 'e', ['к'] = 'k', ['м'] = 'm', ['н'] = 'h', ['о'] = 'o',
        ['р'] = 'p', ['с'] = 'c', ['т'] = 't', ['у'] = 'y', ['х'] = 'x', ['і'] = 'i', ['ї'] = 'i', ['ј'] = 'j',
        ['ѕ'] = 's', ['ԁ'] = 'd', ['ɡ'] = 'g', ['ո'] = 'n', ['ν'] = 'v', ['ο'] = 'o', ['α'] = 'a', ['ι'] = 'i',
        ['0'] = 'o', ['3'] = 'e', ['@'] = 'a', ['$'] = 's',
    };

    /// <summary>The words of <paramref name="text"/>, folded; empty ones (pure punctuation) left out.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var folded = Prepare(text);
        var word = new StringBuilder();
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c))
            {
                Flush(word, words);
                continue;
            }
            var f = LookAlikes.GetValueOrDefault(c, c);
            if (!char.IsLetterOrDigit(f)) continue;
            if (word.Length > 0 && word[^1] == f) continue;
            word.Append(f);
        }
        Flush(word, words);
        return words;
    }

    /// <summary>The folded words joined by single spaces, with a space at each end so a phrase matches whole words only.</summary>
    public static string Line(string text) => " " + string.Join(' ', Words(text)) + " ";

    /// <summary>Compatibility forms to plain ones (fullwidth, ligatures), lower case, invisible characters gone.</summary>
    public static string Prepare(string text) => Visible(text).ToLowerInvariant();

    /// <summary>Compatibility forms to plain ones and invisible characters gone, case kept.</summary>
    public static string Visible(string text)
    {
        var normal = text.Normalize(NormalizationForm.FormKC);
        var b = new StringBuilder(normal.Length);
        foreach (var c in normal)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            // Zero-width joiners, direction overrides and the like hide inside words to split them for the eye only.
            if (category is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark) continue;
            b.Append(c);
        }
        return b.ToString();
    }

    private static void Flush(StringBuilder word, List<string> words)
    {
        if (word.Length > 0) words.Add(word.ToString());
        word.Clear();
    }
}
