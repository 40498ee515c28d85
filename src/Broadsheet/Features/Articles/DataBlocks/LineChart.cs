using System.Globalization;
using System.Text;

namespace Broadsheet.Features.Articles.DataBlocks;

/// <summary>
/// A chart of series over time: one line a series, the moments evenly spaced as typed (10:00, 12:00, "Mon"),
/// four gridlines with round figures, the last figure of each line written at its end (the figures a
/// reader asks for), and a legend above in HTML, which wraps on a phone. 320 units wide, as the bars.
/// </summary>
public static class LineChart
{
    private const double Width = BarChart.Width, Height = 190, Left = 34, Right = 52, Top = 10, Bottom = 24;

    public static void Write(StringBuilder html, DataSheet sheet, DataBlockText text)
    {
        if (sheet.Series.Count > 1 || sheet.Series[0].Name.Length > 0)
        {
            html.Append("<ul class=\"data__legend\" aria-hidden=\"true\">");
            for (var s = 0; s < sheet.Series.Count; s++)
                html.Append(CultureInfo.InvariantCulture, $"<li><svg viewBox=\"0 0 16 10\" width=\"16\" height=\"10\"><rect y=\"3\" width=\"16\" height=\"4\" fill=\"{DataFigure.Colour(sheet, s)}\"/></svg>{DataFigure.E(sheet.Series[s].Name)}</li>");
            html.Append("</ul>");
        }
        var values = sheet.Rows.SelectMany(r => r.Values).OfType<double>().ToList();
        var (low, high, step) = Scale(Math.Min(0, values.Min()), values.Max());
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        double X(int i) => Left + (sheet.Rows.Count == 1 ? 0 : i * plotW / (sheet.Rows.Count - 1));
        double Y(double v) => Top + (high - v) / (high - low) * plotH;
        var stepDecimals = step >= 1 || step == 0 ? 0 : (int)Math.Ceiling(-Math.Log10(step));

        html.Append(CultureInfo.InvariantCulture, $"<svg class=\"data__chart\" viewBox=\"0 0 {DataFigure.N(Width)} {DataFigure.N(Height)}\" width=\"{DataFigure.N(Width)}\" height=\"{DataFigure.N(Height)}\" aria-hidden=\"true\" focusable=\"false\" font-size=\"12\">");
        for (var g = low; g <= high + step / 2; g += step)
        {
            var y = Y(g);
            html.Append(CultureInfo.InvariantCulture, $"<path class=\"data__grid{(Math.Abs(g) < step / 1000 ? " data__grid--zero" : "")}\" d=\"M{DataFigure.N(Left)} {DataFigure.N(y)}H{DataFigure.N(Width - Right)}\"/>");
            html.Append(CultureInfo.InvariantCulture, $"<text class=\"data__axis\" x=\"{DataFigure.N(Left - 4)}\" y=\"{DataFigure.N(y + 4)}\" text-anchor=\"end\">{DataFigure.E(text.Number(g, stepDecimals, null))}</text>");
        }
        var ticks = sheet.Rows.Count >= 5 ? new[] { 0, (sheet.Rows.Count - 1) / 2, sheet.Rows.Count - 1 } : [0, sheet.Rows.Count - 1];
        foreach (var i in ticks.Distinct())
        {
            var anchor = i == 0 ? "start" : i == sheet.Rows.Count - 1 ? "end" : "middle";
            html.Append(CultureInfo.InvariantCulture, $"<text class=\"data__axis\" x=\"{DataFigure.N(X(i))}\" y=\"{DataFigure.N(Height - 6)}\" text-anchor=\"{anchor}\">{DataFigure.E(sheet.Rows[i].Label)}</text>");
        }

        var ends = new List<(double Y, string Text)>();
        for (var s = 0; s < sheet.Series.Count; s++)
        {
            var colour = DataFigure.Colour(sheet, s);
            var path = new StringBuilder();
            var pen = 'M';
            (int I, double V)? last = null;
            for (var i = 0; i < sheet.Rows.Count; i++)
            {
                if (sheet.Rows[i].Values[s] is not { } v) { pen = 'M'; continue; }
                path.Append(CultureInfo.InvariantCulture, $"{pen}{DataFigure.N(X(i))} {DataFigure.N(Y(v))}");
                pen = 'L';
                last = (i, v);
                if (sheet.Rows.Count <= 16)
                    html.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{DataFigure.N(X(i))}\" cy=\"{DataFigure.N(Y(v))}\" r=\"2.5\" fill=\"{colour}\"/>");
            }
            html.Append(CultureInfo.InvariantCulture, $"<path class=\"data__line\" d=\"{path}\" stroke=\"{colour}\"/>");
            if (last is { } end) ends.Add((Y(end.V), text.Number(end.V, sheet.Decimals, sheet.Unit)));
        }
        // The end figures, nudged apart where two lines finish close together.
        ends.Sort((a, b) => a.Y.CompareTo(b.Y));
        var floor = double.MinValue;
        foreach (var (y, label) in ends)
        {
            var at = Math.Max(y + 4, floor + 13);
            floor = at;
            html.Append(CultureInfo.InvariantCulture, $"<text class=\"data__value\" x=\"{DataFigure.N(Width - Right + 5)}\" y=\"{DataFigure.N(at)}\">{DataFigure.E(label)}</text>");
        }
        html.Append("</svg>");
    }

    /// <summary>Gridlines at round figures (1, 2, 2.5 or 5 times a power of ten), about four of them.</summary>
    public static (double Low, double High, double Step) Scale(double min, double max)
    {
        if (max <= min) max = min + 1;
        var raw = (max - min) / 4;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * power).First(s => s >= raw);
        return (Math.Floor(min / step) * step, Math.Ceiling(max / step) * step, step);
    }
}
