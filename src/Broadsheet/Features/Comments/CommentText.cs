using System.Globalization;
using System.Text;

namespace Broadsheet.Features.Comments;

/// <summary>
/// What is kept of the text a reader typed: line breaks (as \n), tabs and every printable character.
/// Control characters, lone surrogate halves (what broken UTF-8 becomes on the way in) and the
/// direction overrides that would flip the text around it on the page are dropped; HTML needs no
/// treatment here because the page encodes everything on output.
/// </summary>
public static class CommentText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var s = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var b = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                b.Append(c).Append(s[++i]);
                continue;
            }
            if (char.IsSurrogate(c)) continue;
            if (c is '\n' or '\t') { b.Append(c); continue; }
            if (char.IsControl(c) || IsDirectionControl(c) || c == '\uFEFF') continue;
            b.Append(c);
        }
        // More than two blank lines in a row only push the next comment off the screen.
        var cleaned = b.ToString().Trim();
        while (cleaned.Contains("\n\n\n\n", StringComparison.Ordinal)) cleaned = cleaned.Replace("\n\n\n\n", "\n\n\n", StringComparison.Ordinal);
        return cleaned;
    }

    public static int Length(string text) => new StringInfo(text).LengthInTextElements;

    private static bool IsDirectionControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';
}
