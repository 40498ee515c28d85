using System.Text;

namespace Broadsheet.Features.Articles;

/// <summary>URL names made from titles: lower-case Latin, digits and hyphens, Russian transliterated.</summary>
public static class Slug
{
    public const int MaxLength = 80;

    // Close to the Yandex/GOST 7.79-B habits readers see in Russian news URLs.
    private static readonly Dictionary<char, string> Cyrillic = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "e",
        ['ж'] = "zh", ['з'] = "z", ['и'] = "i", ['й'] = "y", ['к'] = "k", ['л'] = "l", ['м'] = "m",
        ['н'] = "n", ['о'] = "o", ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u",
        ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts", ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch", ['ъ'] = "",
        ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "yu", ['я'] = "ya",
    };

    public static string From(string title)
    {
        var sb = new StringBuilder(title.Length);
        var pendingHyphen = false;
        foreach (var raw in title.ToLowerInvariant())
        {
            string? piece = raw switch
            {
                >= 'a' and <= 'z' or >= '0' and <= '9' => raw.ToString(),
                _ when Cyrillic.TryGetValue(raw, out var latin) => latin,
                '\'' or '’' or '"' or '«' or '»' => "",
                _ => null,
            };
            if (piece is null) { pendingHyphen = sb.Length > 0; continue; }
            if (piece.Length == 0) continue;
            if (pendingHyphen) { sb.Append('-'); pendingHyphen = false; }
            sb.Append(piece);
        }
        var slug = sb.ToString();
        if (slug.Length > MaxLength)
        {
            var cut = slug.LastIndexOf('-', MaxLength);
            slug = slug[..(cut > 20 ? cut : MaxLength)];
        }
        return slug;
    }

    public static bool IsWellFormed(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= 200 && slug.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-');
}
