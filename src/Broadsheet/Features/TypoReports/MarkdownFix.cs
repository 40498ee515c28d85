using System.Text;
using Broadsheet.Features.Articles;

namespace Broadsheet.Features.TypoReports;

/// <summary>
/// Puts a reader's suggestion into the source of the text they reported: finds the occurrence they
/// meant by its context (not the first occurrence of the words), and replaces it only where that is
/// plainly safe: inside one piece of formatting, whole tokens, nothing but whitespace between them.
/// The result is checked by rendering it again: readers must then see the suggestion where the
/// fragment was. Anything less certain is left to an editor, with the place to look at.
/// </summary>
public sealed class MarkdownFix(ArticleBody body)
{
    /// <summary>Replaces in the article's Markdown body.</summary>
    public TypoFixResult InMarkdown(string markdown, string before, string fragment, string after, string suggestion)
    {
        var quote = before + fragment + after;
        if (!ReaderText.BodyText(body.Render(markdown)).Contains(quote, StringComparison.Ordinal)) return TypoFixResult.Outdated;
        var result = Replace(SourceText.FromMarkdown(markdown), markdown, before, fragment, after, EscapeMarkdown(suggestion));
        if (result.Outcome != TypoFixOutcome.Replaced) return result;
        var readers = ReaderText.BodyText(body.Render(result.Source!));
        return readers.Contains(before + ReaderText.Normalise(suggestion) + after, StringComparison.Ordinal)
            ? result
            : TypoFixResult.CannotReplace(result.Position);
    }

    /// <summary>Replaces in a plain field: the headline, the lead or a caption.</summary>
    public static TypoFixResult InPlainText(string field, string before, string fragment, string after, string suggestion)
    {
        if (!ReaderText.Normalise(field).Contains(before + fragment + after, StringComparison.Ordinal)) return TypoFixResult.Outdated;
        return Replace(SourceText.FromPlain(field), field, before, fragment, after, suggestion);
    }

    private static TypoFixResult Replace(SourceText text, string source, string before, string fragment, string after, string replacement)
    {
        var quote = before + fragment + after;
        var found = AllIndexesOf(text.Text, quote).ToList();
        // The reader's text has the quote (checked by the caller) but our reading of the source does not: an editor must look.
        if (found.Count == 0) return TypoFixResult.CannotReplace(FirstGuess(source, fragment));
        var start = found[0] + before.Length;
        var end = start + fragment.Length;
        if (found.Count > 1) return TypoFixResult.CannotReplace(PositionOf(text, start));

        var marks = text.Marks;
        var first = marks[start];
        var last = marks[end - 1];
        if (!IsWhole(text, start, end) || !first.HasSource || !last.HasSource) return TypoFixResult.CannotReplace(PositionOf(text, start));
        for (var i = start; i < end; i++)
        {
            var mark = marks[i];
            if (!mark.HasSource || !ReferenceEquals(mark.Container, first.Container)) return TypoFixResult.CannotReplace(first.Start);
            if (i > start)
            {
                var previous = marks[i - 1];
                if (previous.Token == mark.Token) continue;
                if (mark.Start < previous.End || !IsBlank(source, previous.End, mark.Start)) return TypoFixResult.CannotReplace(first.Start);
            }
        }
        var result = string.Concat(source.AsSpan(0, first.Start), replacement, source.AsSpan(last.End));
        return TypoFixResult.Replaced(result, first.Start);
    }

    /// <summary>A token cut in half (part of a code span, half an entity) cannot be replaced.</summary>
    private static bool IsWhole(SourceText text, int start, int end) =>
        (start == 0 || text.Marks[start - 1].Token != text.Marks[start].Token)
        && (end == text.Marks.Count || text.Marks[end].Token != text.Marks[end - 1].Token);

    private static bool IsBlank(string source, int from, int to)
    {
        for (var i = from; i < to; i++) if (!ReaderText.IsWhitespace(source[i])) return false;
        return true;
    }

    private static int PositionOf(SourceText text, int index)
    {
        for (var i = index; i < text.Marks.Count; i++) if (text.Marks[i].HasSource) return text.Marks[i].Start;
        return 0;
    }

    private static int FirstGuess(string source, string fragment) => Math.Max(0, source.IndexOf(fragment, StringComparison.Ordinal));

    private static IEnumerable<int> AllIndexesOf(string text, string value)
    {
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
            yield return i;
    }

    /// <summary>
    /// A reader's words are plain text: characters that would start formatting in Markdown are escaped.
    /// Anything subtler (a "1. " that lands at the start of a line) is caught by rendering the result again.
    /// </summary>
    public static string EscapeMarkdown(string plain)
    {
        var result = new StringBuilder(plain.Length + 8);
        for (var i = 0; i < plain.Length; i++)
        {
            var c = plain[i];
            var doubled = (i > 0 && plain[i - 1] == c) || (i + 1 < plain.Length && plain[i + 1] == c);
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '&' or '~' or '^' or '|' or '#'
                || (c is '+' or '=' && doubled))
                result.Append('\\');
            result.Append(c);
        }
        return result.ToString();
    }
}

public enum TypoFixOutcome { Replaced, CannotReplaceSafely, Outdated }

/// <summary>Source: the new text when replaced. Position: where in the source the fragment is (or is nearest), for opening the editor there.</summary>
public sealed record TypoFixResult(TypoFixOutcome Outcome, string? Source, int Position)
{
    public static readonly TypoFixResult Outdated = new(TypoFixOutcome.Outdated, null, 0);

    public static TypoFixResult Replaced(string source, int position) => new(TypoFixOutcome.Replaced, source, position);

    public static TypoFixResult CannotReplace(int position) => new(TypoFixOutcome.CannotReplaceSafely, null, position);
}
