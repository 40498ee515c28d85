using System.Globalization;
using System.Text;

namespace Broadsheet.Features.Articles.DataBlocks;

/// <summary>
/// Results and polls as horizontal bars, one a row, the name above its bar and the figure at the right, so a
/// long party name wraps instead of squeezing the bar. The drawing is 320 units wide, a phone's width:
/// the page scales it down to 320 px and caps it on a wide screen (site.css), so the words stay readable.
/// A poll's margin of error is a whisker across the bar's end.
/// </summary>
public static class BarChart
{
    public const double Width = 320;
    private const double FontSize = 14, LineHeight = 17, BarHeight = 16, Gap = 12;
    // About how many characters fit before the figure on a line (an average sans glyph is ~0.55 em).
    private const int LabelChars = 30;

    public static void Write(StringBuilder svg, DataSheet sheet, DataBlockText text)
    {
        var max = sheet.Rows.Max(r => r.Values[0]!.Value + (sheet.Kind == DataBlockKind.Poll ? (r.Margin ?? sheet.Margin ?? 0) : 0));
        var body = new StringBuilder();
        var y = 0.0;
        for (var i = 0; i < sheet.Rows.Count; i++)
        {
            var row = sheet.Rows[i];
            var value = row.Values[0]!.Value;
            var lines = Wrap(row.Label, LabelChars);
            for (var l = 0; l < lines.Count; l++)
            {
                y += LineHeight;
                body.Append(CultureInfo.InvariantCulture, $"<text class=\"data__label\" x=\"0\" y=\"{DataFigure.N(y - 4)}\">{DataFigure.E(lines[l])}</text>");
                if (l == 0)
                    body.Append(CultureInfo.InvariantCulture, $"<text class=\"data__value\" x=\"{DataFigure.N(Width)}\" y=\"{DataFigure.N(y - 4)}\" text-anchor=\"end\">{DataFigure.E(text.Number(value, sheet.Decimals, sheet.Unit))}</text>");
            }
            y += 2;
            var width = max > 0 ? value / max * Width : 0;
            body.Append(CultureInfo.InvariantCulture, $"<rect class=\"data__bar\" x=\"0\" y=\"{DataFigure.N(y)}\" width=\"{DataFigure.N(width)}\" height=\"{DataFigure.N(BarHeight)}\" fill=\"{DataFigure.Colour(sheet, i)}\"/>");
            if (sheet.Kind == DataBlockKind.Poll && (row.Margin ?? sheet.Margin) is { } margin && margin > 0 && max > 0)
            {
                var from = Math.Max(0, value - margin) / max * Width;
                var to = (value + margin) / max * Width;
                var mid = y + BarHeight / 2;
                body.Append(CultureInfo.InvariantCulture, $"<path class=\"data__whisker\" d=\"M{DataFigure.N(from)} {DataFigure.N(mid)}H{DataFigure.N(to)}M{DataFigure.N(from)} {DataFigure.N(mid - 5)}v10M{DataFigure.N(to)} {DataFigure.N(mid - 5)}v10\"/>");
            }
            y += BarHeight + Gap;
        }
        var height = Math.Max(1, y - Gap + 2);
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"data__chart\" viewBox=\"0 0 {DataFigure.N(Width)} {DataFigure.N(height)}\" width=\"{DataFigure.N(Width)}\" height=\"{DataFigure.N(height)}\" aria-hidden=\"true\" focusable=\"false\" font-size=\"{DataFigure.N(FontSize)}\">")
            .Append(body).Append("</svg>");
    }

    /// <summary>Words on lines of at most <paramref name="chars"/> characters; a word longer than a line is cut.</summary>
    public static List<string> Wrap(string label, int chars)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in label.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var w = word.Length > chars ? word[..(chars - 1)] + "…" : word;
            if (line.Length > 0 && line.Length + 1 + w.Length > chars) { lines.Add(line.ToString()); line.Clear(); }
            if (line.Length > 0) line.Append(' ');
            line.Append(w);
        }
        if (line.Length > 0) lines.Add(line.ToString());
        return lines.Count > 0 ? lines : [""];
    }
}
