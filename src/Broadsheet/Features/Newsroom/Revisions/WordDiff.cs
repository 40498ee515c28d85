using System.Text.RegularExpressions;
using DiffPlex;
using DiffPlex.Chunkers;

namespace Broadsheet.Features.Newsroom.Revisions;

/// <summary>
/// Two versions of a text compared as an editor reads a change: paragraph by paragraph (DiffPlex over
/// paragraphs), and inside a changed paragraph word by word, so a fixed typo shows as one struck word
/// and its replacement, not a whole paragraph removed and added again.
/// </summary>
public static partial class WordDiff
{
    public enum Kind { Same, Inserted, Deleted }

    public readonly record struct Piece(Kind Kind, string Text);

    /// <summary>A paragraph of the newer text (or one removed from the older), its words marked.</summary>
    public sealed record Paragraph(IReadOnlyList<Piece> Pieces)
    {
        public bool Changed => Pieces.Any(p => p.Kind != Kind.Same);
        public string Text => string.Concat(Pieces.Select(p => p.Text));
    }

    public static List<Paragraph> Compare(string before, string after)
    {
        var diff = Differ.Instance.CreateDiffs(Normalise(before), Normalise(after), false, false, ParagraphChunker.Instance);
        var (a, b) = (diff.PiecesOld, diff.PiecesNew);
        var result = new List<Paragraph>(b.Count);
        var next = 0;
        foreach (var block in diff.DiffBlocks)
        {
            for (; next < block.InsertStartB; next++) result.Add(new Paragraph([new Piece(Kind.Same, b[next])]));
            // Removed and added paragraphs are paired in order: an edited paragraph is most often both.
            for (var k = 0; k < Math.Max(block.DeleteCountA, block.InsertCountB); k++)
            {
                if (k < block.DeleteCountA && k < block.InsertCountB) result.Add(Words(a[block.DeleteStartA + k], b[block.InsertStartB + k]));
                else if (k < block.DeleteCountA) result.Add(new Paragraph([new Piece(Kind.Deleted, a[block.DeleteStartA + k])]));
                else result.Add(new Paragraph([new Piece(Kind.Inserted, b[block.InsertStartB + k])]));
            }
            next = block.InsertStartB + block.InsertCountB;
        }
        for (; next < b.Count; next++) result.Add(new Paragraph([new Piece(Kind.Same, b[next])]));
        return result;
    }

    private static Paragraph Words(string before, string after)
    {
        var diff = Differ.Instance.CreateDiffs(before, after, false, false, WordChunker.Instance);
        var (a, b) = (diff.PiecesOld, diff.PiecesNew);
        var pieces = new List<Piece>();
        var next = 0;
        foreach (var block in diff.DiffBlocks)
        {
            for (; next < block.InsertStartB; next++) Add(Kind.Same, b[next]);
            for (var k = 0; k < block.DeleteCountA; k++) Add(Kind.Deleted, a[block.DeleteStartA + k]);
            for (var k = 0; k < block.InsertCountB; k++) Add(Kind.Inserted, b[block.InsertStartB + k]);
            next = block.InsertStartB + block.InsertCountB;
        }
        for (; next < b.Count; next++) Add(Kind.Same, b[next]);
        return new Paragraph(pieces);

        // Neighbouring words of one kind read as one phrase: "<del>the old words</del>", not three marks.
        void Add(Kind kind, string text)
        {
            if (pieces.Count > 0 && pieces[^1].Kind == kind) pieces[^1] = new Piece(kind, pieces[^1].Text + text);
            else pieces.Add(new Piece(kind, text));
        }
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n").Trim('\n');

    /// <summary>Paragraphs as Markdown has them: text between blank lines.</summary>
    private sealed partial class ParagraphChunker : IChunker
    {
        public static readonly ParagraphChunker Instance = new();

        public IReadOnlyList<string> Chunk(string text) => text.Length == 0 ? [] : BlankLines().Split(text);

        [GeneratedRegex(@"\n[ \t]*\n\s*")]
        private static partial Regex BlankLines();
    }
}
