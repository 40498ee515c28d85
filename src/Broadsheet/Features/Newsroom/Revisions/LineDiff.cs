namespace Broadsheet.Features.Newsroom.Revisions;

/// <summary>
/// A line diff by longest common subsequence. Common head and tail are cut first, so the
/// quadratic table covers only the changed middle; an edit to a long article stays cheap.
/// </summary>
public static class LineDiff
{
    public enum Kind { Same, Added, Removed }

    public readonly record struct Line(Kind Kind, string Text);

    /// <summary>Beyond this many cells the middle is shown as removed-then-added rather than aligned.</summary>
    private const long MaxCells = 4_000_000;

    public static List<Line> Compare(string before, string after)
    {
        var a = Split(before);
        var b = Split(after);
        var head = 0;
        while (head < a.Length && head < b.Length && a[head] == b[head]) head++;
        var tail = 0;
        while (tail < a.Length - head && tail < b.Length - head && a[^(tail + 1)] == b[^(tail + 1)]) tail++;

        var result = new List<Line>(a.Length + b.Length);
        result.AddRange(a[..head].Select(t => new Line(Kind.Same, t)));
        var midA = a[head..(a.Length - tail)];
        var midB = b[head..(b.Length - tail)];
        if ((long)midA.Length * midB.Length > MaxCells)
        {
            result.AddRange(midA.Select(t => new Line(Kind.Removed, t)));
            result.AddRange(midB.Select(t => new Line(Kind.Added, t)));
        }
        else
        {
            result.AddRange(Align(midA, midB));
        }
        result.AddRange(a[(a.Length - tail)..].Select(t => new Line(Kind.Same, t)));
        return result;
    }

    private static IEnumerable<Line> Align(string[] a, string[] b)
    {
        // lcs[i, j] = length of the longest common subsequence of a[i..] and b[j..].
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y]) { yield return new Line(Kind.Same, a[x]); x++; y++; }
            else if (lcs[x + 1, y] >= lcs[x, y + 1]) yield return new Line(Kind.Removed, a[x++]);
            else yield return new Line(Kind.Added, b[y++]);
        }
        while (x < a.Length) yield return new Line(Kind.Removed, a[x++]);
        while (y < b.Length) yield return new Line(Kind.Added, b[y++]);
    }

    private static string[] Split(string text) =>
        text.Length == 0 ? [] : text.Replace("\r\n", "\n").Split('\n');
}
