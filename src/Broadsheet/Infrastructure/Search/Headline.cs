using System.Net;
using System.Text;

namespace Broadsheet.Infrastructure.Search;

/// <summary>
/// Turns what PostgreSQL's <c>ts_headline</c> gives back into a snippet a page can write as it is.
/// ts_headline copies the document's text as it stands and only wraps the matches in StartSel and
/// StopSel, so &lt;mark&gt; as StartSel would leave an article's own "&lt;script&gt;" in the page. Instead the
/// matches are wrapped in characters from Unicode's private use area, which the query takes out of
/// the text beforehand, and only here do they become &lt;mark&gt;, after everything else is escaped.
/// </summary>
public static class Headline
{
    public const char Start = '\uE000';
    public const char Stop = '\uE001';
    public const char Delimiter = '\uE002';

    /// <summary>The characters the text must not contain before it goes to ts_headline.</summary>
    public static readonly string Sentinels = new([Start, Stop, Delimiter]);

    /// <summary>
    /// <paramref name="marked"/> is escaped HTML text (entities, no tags) with the sentinels in it;
    /// the result is the same text escaped afresh, fragments joined by an ellipsis, matches in &lt;mark&gt;.
    /// </summary>
    public static string ToHtml(string marked)
    {
        var html = new StringBuilder(marked.Length + 32);
        var fragments = marked.Split(Delimiter, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var f = 0; f < fragments.Length; f++)
        {
            if (f > 0) html.Append(" … ");
            var fragment = fragments[f];
            var from = 0;
            for (var i = 0; i <= fragment.Length; i++)
            {
                if (i < fragment.Length && fragment[i] != Start && fragment[i] != Stop) continue;
                Append(html, fragment[from..i], marked: i < fragment.Length && fragment[i] == Stop);
                from = i + 1;
            }
        }
        return html.ToString();
    }

    private static void Append(StringBuilder html, string piece, bool marked)
    {
        if (piece.Length == 0) return;
        // Decoded first, so an entity of the stored HTML is escaped once, not twice.
        var text = WebUtility.HtmlEncode(WebUtility.HtmlDecode(piece));
        html.Append(marked ? $"<mark>{text}</mark>" : text);
    }
}
