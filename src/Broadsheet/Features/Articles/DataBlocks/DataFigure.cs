using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Broadsheet.Features.Articles.DataBlocks;

/// <summary>
/// A data block as readers get it: the table (screen readers read it; its caption is the title), the chart
/// drawn from it (aria-hidden: it repeats the table), and the source and "as of" line. Nothing here
/// runs script or loads anything. Built from escaped text only, so it needs no sanitizing afterwards.
/// </summary>
public static class DataFigure
{
    /// <summary>Colours for rows and series the journalist did not colour: distinct, and readable on paper and on dark.</summary>
    public static readonly string[] Palette = ["#2f6db5", "#c0392b", "#e39b1b", "#2e8b57", "#7d4fa8", "#1a9aa0", "#8c6d46", "#6b7280"];

    public const string Others = "#8a8a8a";

    public static string Render(DataSheet sheet, DataBlockText text)
    {
        var html = new StringBuilder();
        var title = sheet.Title is { Length: > 0 } t ? t : text.DefaultTitle(sheet.Kind);
        html.Append(CultureInfo.InvariantCulture, $"<figure class=\"data data--{sheet.Kind.ToString().ToLowerInvariant()}\">");
        // The visible title repeats the table's caption: screen readers get it once, from the table.
        html.Append("<p class=\"data__title\" aria-hidden=\"true\">").Append(E(title)).Append("</p>");
        if (sheet.Kind == DataBlockKind.Chart) LineChart.Write(html, sheet, text);
        else BarChart.Write(html, sheet, text);
        Table(html, sheet, title, text);
        var about = new List<string>();
        if (sheet.Note is { Length: > 0 } note) about.Add(E(note));
        if (sheet.Kind == DataBlockKind.Poll && sheet.Margin is { } margin) about.Add(E(text.MarginNote(text.Margin(margin, sheet.Decimals, sheet.Unit))));
        if (sheet.Source is { Length: > 0 } source) about.Add($"{E(text.Source)}: {E(source)}");
        if (sheet.AsOf is { Length: > 0 } asOf) about.Add($"{E(text.AsOf)} {E(asOf)}");
        if (about.Count > 0) html.Append("<figcaption class=\"data__about\">").AppendJoin(" · ", about).Append("</figcaption>");
        return html.Append("</figure>\n").ToString();
    }

    /// <summary>The colour typed for a row or series, else the next palette colour no one typed (two parties never share one).</summary>
    public static string Colour(DataSheet sheet, int index)
    {
        var typed = sheet.Kind == DataBlockKind.Chart ? sheet.Series.Select(s => s.Colour).ToList() : sheet.Rows.Select(r => r.Colour).ToList();
        if (typed[index] is { } colour) return colour;
        // Parties coloured and one left plain: the plain one is "others", grey as results desks draw it.
        if (sheet.Kind != DataBlockKind.Chart && typed.Any(c => c is not null)) return Others;
        var free = Palette.Where(p => !typed.Contains(p, StringComparer.OrdinalIgnoreCase)).ToList();
        var nth = typed.Take(index).Count(c => c is null);
        return free.Count > 0 ? free[nth % free.Count] : Palette[nth % Palette.Length];
    }

    private static void Table(StringBuilder html, DataSheet sheet, string title, DataBlockText text)
    {
        html.Append("<table class=\"data__table\"><caption>").Append(E(title)).Append("</caption><thead><tr>");
        html.Append("<th scope=\"col\">").Append(E(sheet.LabelHeading is { Length: > 0 } l ? l : text.LabelHeading(sheet.Kind))).Append("</th>");
        if (sheet.Kind == DataBlockKind.Chart)
            foreach (var s in sheet.Series) html.Append("<th scope=\"col\">").Append(E(s.Name)).Append("</th>");
        else
        {
            var heading = sheet.Series is [{ Name.Length: > 0 } only] ? only.Name : text.ValueHeading(sheet.Kind);
            html.Append("<th scope=\"col\">").Append(E(heading)).Append("</th>");
            if (sheet.HasMargins) html.Append("<th scope=\"col\">").Append(E(text.MarginHeading)).Append("</th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (var row in sheet.Rows)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(row.Label)).Append("</th>");
            foreach (var v in row.Values) html.Append("<td>").Append(v is { } n ? E(text.Number(n, sheet.Decimals, sheet.Unit)) : "—").Append("</td>");
            if (sheet.Kind != DataBlockKind.Chart && sheet.HasMargins)
                html.Append("<td>").Append((row.Margin ?? sheet.Margin) is { } m ? E(text.Margin(m, sheet.Decimals, sheet.Unit)) : "—").Append("</td>");
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
    }

    public static string E(string s) => HtmlEncoder.Default.Encode(s);

    /// <summary>SVG coordinates: invariant, and short.</summary>
    public static string N(double v) => Math.Round(v, 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
