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
            var host = m.Groups["host"].Value.Trim('.');
            var ending = host[(host.LastIndexOf('.') + 1)..];
            var explicitLink = m.Groups["scheme"].Success || host.StartsWith("www.", StringComparison.Ordinal);
            if (explicitLink || KnownEndings.Contains(ending)) hosts.Add(host);
        }
        return hosts;
    }

    public static string Undisguise(string text)
    {
        var s = TextFold.Prepare(text);
        var b = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            b.Append(c switch
            {
                '。' or '｡' or '․' or '﹒' or '⸱' or '·' or '•' => '.',
                _ => c is >= 'а' and <= 'я' && CyrillicToLatin(c) is { } latin ? latin : c,
            });
        }
        s = DotWords().Replace(b.ToString(), ".");
        return SpacedDot().Replace(s, ".");
    }

    // Only letters that look exactly like Latin ones, so a Russian word stays Russian unless it is a disguise.
    private static char? CyrillicToLatin(char c) => c switch
    {
        'а' => 'a', 'е' => 'e', 'о' => 'o', 'р' => 'p', 'с' => 'c', 'у' => 'y', 'х' => 'x', 'к' => 'k', 'м' => 'm', 'т' => 't', 'в' => 'b', 'н' => 'h',
        _ => null,
    };

    [GeneratedRegex(@"\s*[\[\(\{<]\s*(?:\.|dot|точка)\s*[\]\)\}>]\s*|\s+(?:dot|точка)\s+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex DotWords();

    [GeneratedRegex(@"(?<=[\p{L}\p{N}])\s+\.\s*(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])\.\s+(?=(?:com|net|org|ru|info|io|рф)\b)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex SpacedDot();

    [GeneratedRegex(@"(?<scheme>[a-z][a-z0-9+.-]{1,15}://)?(?<![\p{L}\p{N}@-])(?<host>(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(?:[\p{L}]{2,24}|xn--[a-z0-9-]{2,59}))(?![\p{L}\p{N}-])",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Host();
}
