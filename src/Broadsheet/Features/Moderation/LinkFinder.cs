using System.Text;
using System.Text.RegularExpressions;

namespace Broadsheet.Features.Moderation;

/// <summary>
/// Finds the web addresses in a comment, written plainly or disguised: "example[.]com",
/// "example (dot) com", "example . com", fullwidth or ideographic dots, Cyrillic look-alike letters.
/// The text is undisguised first, then one pattern looks for host names.
/// </summary>
public static partial class LinkFinder
{
    // Top-level domains a disguised link would use; a plain "word.word" with an unknown ending
    // (file.txt, e.g) is not taken for a link unless it has a scheme or "www." in front.
    private static readonly HashSet<string> KnownEndings =
    [
        "com", "net", "org", "info", "biz", "io", "co", "me", "tv", "cc", "ru", "su", "xn--p1ai", "рф", "ua", "by", "kz", "uk",
        "de", "fr", "it", "es", "nl", "pl", "us", "eu", "xyz", "online", "site", "top", "club", "shop", "store", "app", "dev",
        "ly", "gl", "gg", "to", "link", "click", "live", "news", "pro", "win", "bet", "vip", "ws", "in", "cn", "jp", "am", "ai",
    ];

    public static List<string> Hosts(string text)
    {
        var plain = Undisguise(text);
        var hosts = new List<string>();
        foreach (Match m in Host().Matches(plain))
        {
            var written = m.Groups["host"].Value.Trim('.');
            var host = written.ToLowerInvariant();
            var ending = host[(host.LastIndexOf('.') + 1)..];
            var explicitLink = m.Groups["scheme"].Success || host.StartsWith("www.", StringComparison.Ordinal);
            // "said so.It was late" is a missing space, not a link to Italy: a capitalised word after the
            // dot reads as a new sentence. "Evil.COM" in capitals is still a link.
            var writtenEnding = written[(written.LastIndexOf('.') + 1)..];
            var newSentence = writtenEnding.Length > 1 && char.IsUpper(writtenEnding[0]) && writtenEnding.Skip(1).All(char.IsLower);
            if (explicitLink || (!newSentence && (KnownEndings.Contains(ending) || KnownEndings.Contains(ToLatin(ending))))) hosts.Add(ToLatin(host));
        }
        return hosts;
    }

    public static string Undisguise(string text)
    {
        var s = TextFold.Visible(text);
        var b = new StringBuilder(s.Length);
        foreach (var c in s) b.Append(c is '。' or '｡' or '․' or '﹒' or '⸱' or '·' or '•' ? '.' : c);
        // A word mixing Latin and Cyrillic letters is a disguise ("еvil" with a Cyrillic е); a wholly Russian word stays as it is.
        s = Word().Replace(b.ToString(), w => HasLatin(w.Value) && HasCyrillic(w.Value) ? ToLatin(w.Value.ToLowerInvariant()) : w.Value);
        s = DotWords().Replace(s, ".");
        return SpacedDot().Replace(s, ".");
    }

    private static bool HasLatin(string word) => word.Any(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z');
    private static bool HasCyrillic(string word) => word.Any(c => c is >= 'а' and <= 'я' or >= 'А' and <= 'Я' or 'ё' or 'Ё');

    private static string ToLatin(string word) => string.Concat(word.Select(c => CyrillicToLatin(char.ToLowerInvariant(c)) ?? c));

    // Only letters that look exactly like Latin ones, so a Russian word stays Russian unless it is a disguise.
    private static char? CyrillicToLatin(char c) => c switch
    {
        'а' => 'a', 'е' => 'e', 'о' => 'o', 'р' => 'p', 'с' => 'c', 'у' => 'y', 'х' => 'x', 'к' => 'k', 'м' => 'm', 'т' => 't', 'в' => 'b', 'н' => 'h',
        _ => null,
    };

    [GeneratedRegex(@"[\p{L}]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Word();

    [GeneratedRegex(@"\s*[\[\(\{<]\s*(?:\.|dot|точка)\s*[\]\)\}>]\s*|\s+(?:dot|точка)\s+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 200)]
    private static partial Regex DotWords();

    [GeneratedRegex(@"(?<=[\p{L}\p{N}])\s+\.\s*(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])\.\s+(?=(?:com|net|org|ru|info|io|рф)\b)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 200)]
    private static partial Regex SpacedDot();

    [GeneratedRegex(@"(?<scheme>[a-z][a-z0-9+.-]{1,15}://)?(?<![\p{L}\p{N}@-])(?<host>(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(?:[\p{L}]{2,24}|xn--[a-z0-9-]{2,59}))(?![\p{L}\p{N}-])",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 200)]
    private static partial Regex Host();
}
