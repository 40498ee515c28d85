using System.Text;

namespace Broadsheet.Features.Moderation;

/// <summary>
/// Reads a written word as Russian and as English, the way a disguise is meant to be read: "id1ot" is
/// "idiot", "ду6иλ"… "дебuл" with a Latin u is "дебил", "cyka" in Latin letters is «сука». Each reading is
/// a key: lower case, ё→е, and letters a reader cannot tell apart merged (б, в, ь and ъ in Russian; i, l
/// and 1 in English). A listed word is read the same way in its own script, so both sides meet.
/// </summary>
/// <remarks>
/// A word written wholly in Latin letters is read as Russian only when every letter has a Cyrillic twin
/// (a, b, c, e, h, k, m, o, p, t, x, y, u): "cyka" is a disguise, but "devil" must not become «девил»,
/// one merged letter away from «дебил». The same holds the other way for wholly Cyrillic words.
/// </remarks>
public static class LookAlikes
{
    /// <summary>The word read as Russian, or null when it cannot be a disguised Russian word.</summary>
    public static string? Russian(ReadOnlySpan<char> word)
    {
        bool cyrillic = false, latinOnlyTwins = true, letters = false;
        foreach (var c in word)
        {
            if (IsCyrillic(c)) { cyrillic = true; letters = true; }
            else if (c is >= 'a' and <= 'z') { letters = true; if (!"abcehkmoptxyu".Contains(c, StringComparison.Ordinal)) latinOnlyTwins = false; }
        }
        if (!letters || (!cyrillic && !latinOnlyTwins)) return null;
        var b = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            var r = ToRussian(c);
            if (r == '\0') return null;
            b.Append(r);
        }
        return b.ToString();
    }

    /// <summary>The word read as English, or null when it cannot be a disguised English word.</summary>
    public static string? English(ReadOnlySpan<char> word)
    {
        bool latin = false, cyrillicOnlyTwins = true, letters = false;
        foreach (var c in word)
        {
            if (c is >= 'a' and <= 'z') { latin = true; letters = true; }
            else if (IsCyrillic(c)) { letters = true; if (!"авекмнорстухьі".Contains(c, StringComparison.Ordinal)) cyrillicOnlyTwins = false; }
        }
        if (!letters || (!latin && !cyrillicOnlyTwins)) return null;
        var b = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            var e = ToEnglish(c);
            if (e == '\0') return null;
            b.Append(e);
        }
        return b.ToString();
    }

    private static bool IsCyrillic(char c) => c is >= 'а' and <= 'я' or 'ё' or 'і' or 'ї';

    // Lower-case input. '\0': no twin, so the word cannot be read in this script.
    private static char ToRussian(char c) => c switch
    {
        'ё' => 'е',
        'б' or 'в' or 'ь' or 'ъ' => 'в',
        'і' or 'ї' => 'и',
        >= 'а' and <= 'я' => c,
        'a' or '@' => 'а',
        'b' or 'v' or '6' or '8' => 'в',
        'c' => 'с',
        'e' => 'е',
        'h' => 'н',
        'k' => 'к',
        'm' => 'м',
        'o' or '0' => 'о',
        'p' => 'р',
        't' => 'т',
        'x' => 'х',
        'y' => 'у',
        'u' or 'i' or '1' or '!' => 'и',
        'n' => 'п',
        'r' => 'г',
        'd' => 'д',
        'z' or '3' => 'з',
        'l' => 'л',
        'w' => 'ш',
        '4' => 'ч',
        _ => '\0',
    };

    private static char ToEnglish(char c) => c switch
    {
        'l' or 'i' or '1' or '!' or '|' or 'і' or 'ї' or 'и' => 'i',
        >= 'a' and <= 'z' => c,
        'а' or '@' or '4' => 'a',
        'в' or 'ь' or 'б' or '6' => 'b',
        'е' or 'ё' or '3' => 'e',
        'к' => 'k',
        'м' => 'm',
        'н' => 'h',
        'о' or '0' => 'o',
        'р' => 'p',
        'с' => 'c',
        'т' or '7' => 't',
        'у' => 'y',
        'х' => 'x',
        'п' => 'n',
        'г' => 'r',
        'д' => 'd',
        '$' or '5' => 's',
        _ => '\0',
    };
}
