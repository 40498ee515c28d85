using System.Globalization;
using System.Text.RegularExpressions;

namespace Broadsheet.Features.Articles.DataBlocks;

public enum DataBlockKind { Results, Poll, Chart }

/// <summary>One line of figures: a party's share (results, poll) or one moment's values (chart, one per series).</summary>
/// <param name="Colour">A colour the journalist gave the row (results, poll); a chart's colours belong to its series.</param>
/// <param name="Margin">This row's own margin of error, in the block's unit; null takes the block's.</param>
public sealed record DataRow(string Label, IReadOnlyList<double?> Values, string? Colour, double? Margin);

/// <summary>A named line on a chart.</summary>
public sealed record DataSeries(string Name, string? Colour);

/// <summary>
/// What a data block says, read from the few lines a journalist types: "title:", "source:", "as of:" lines
/// (in either language), then one row a line. Cells are split by "|", a tab (a spreadsheet's paste), ";" or, in
/// "Label: 42.5" form, a colon and a space; a cell "#c0392b" is a colour, "±3" a margin of error. Numbers may be
/// typed "42.5", "42,5", "1 234 567" or "42.5%". Problems are collected, not thrown: the newsroom preview names them.
/// </summary>
public sealed partial class DataSheet
{
    public const int MaxRows = 40;
    public const int MaxSeries = 8;

    public required DataBlockKind Kind { get; init; }
    public string? Title { get; private set; }
    public string? Source { get; private set; }
    public string? AsOf { get; private set; }
    public string? Unit { get; private set; }
    public string? Note { get; private set; }
    public double? Margin { get; private set; }
    /// <summary>The header's first cell: what the labels are (a chart's "Time", a table's "Party").</summary>
    public string? LabelHeading { get; private set; }
    public List<DataSeries> Series { get; } = [];
    public List<DataRow> Rows { get; } = [];
    /// <summary>The most decimals any figure was typed with: 42.50 stays 42.50, 42 stays 42.</summary>
    public int Decimals { get; private set; }
    public List<string> Problems { get; } = [];
    private (int Line, string FirstValue)? headerLine;

    public bool HasMargins => Kind == DataBlockKind.Poll && (Margin is not null || Rows.Any(r => r.Margin is not null));

    public static DataBlockKind? KindOf(string? info) => info?.Trim().ToLowerInvariant() switch
    {
        "results" or "итоги" or "результаты" => DataBlockKind.Results,
        "poll" or "опрос" => DataBlockKind.Poll,
        "chart" or "график" => DataBlockKind.Chart,
        _ => null,
    };

    public static DataSheet Read(DataBlockKind kind, IReadOnlyList<string> lines, DataBlockText text)
    {
        var sheet = new DataSheet { Kind = kind };
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || MarkdownRule().IsMatch(line)) continue;
            if (Meta().Match(line) is { Success: true } meta && sheet.TakeMeta(meta.Groups["key"].Value, meta.Groups["value"].Value.Trim(), i + 1, text)) continue;
            sheet.TakeRow(Cells(line), i + 1, text);
        }
        sheet.Check(text);
        return sheet;
    }

    private bool TakeMeta(string key, string value, int line, DataBlockText text)
    {
        switch (Regex.Replace(key.Trim().ToLowerInvariant(), @"\s+", " "))
        {
            case "title" or "заголовок" or "название": Title = value; return true;
            case "source" or "источник": Source = value; return true;
            case "as of" or "asof" or "updated" or "на момент" or "данные на" or "обновлено": AsOf = value; return true;
            case "unit" or "units" or "единица" or "единицы": Unit = value; return true;
            case "note" or "примечание": Note = value; return true;
            case "margin" or "margin of error" or "погрешность":
                if (Number(value.TrimStart('±', '+', '-', ' ')) is { } margin && margin >= 0) Margin = margin;
                else Problems.Add(text.NotANumber(line, value));
                return true;
            default: return false;
        }
    }

    private void TakeRow(List<string> cells, int line, DataBlockText text)
    {
        string? colour = null;
        double? margin = null;
        var label = cells[0];
        if (ColourAtEnd().Match(label) is { Success: true } named)
        {
            label = label[..named.Index].Trim();
            colour = named.Groups["colour"].Value;
        }
        var values = new List<string>();
        foreach (var cell in cells.Skip(1))
        {
            if (Colour().IsMatch(cell)) colour = cell;
            else if (MarginCell().Match(cell) is { Success: true } m && Number(m.Groups["n"].Value) is { } mv) margin = mv;
            else values.Add(cell);
        }
        if (label.Length == 0) { Problems.Add(text.NoLabel(line)); return; }
        if (values.Count == 0) { Problems.Add(text.NoValue(line, label)); return; }

        var numbers = values.Select(v => Kind == DataBlockKind.Chart && Gap(v) ? (double?)null : Number(v)).ToList();
        var numeric = numbers.Zip(values, (n, v) => n is not null || (Kind == DataBlockKind.Chart && Gap(v))).ToList();
        // Series named by year ("Time | 2020 | 2026") look like figures: a wordy first cell over years is a header too.
        var years = Kind == DataBlockKind.Chart && !label.Any(char.IsDigit) && numbers.All(n => n is >= 1900 and <= 2100 && n % 1 == 0);
        if (Rows.Count == 0 && Series.Count == 0 && (!numeric.Contains(true) || years || (Kind == DataBlockKind.Chart && numeric.Contains(false))))
        {
            // A header: names the label column and each series (or the one value column), colours allowed.
            LabelHeading = label;
            headerLine = (line, values[0]);
            foreach (var name in values)
                Series.Add(ColourAtEnd().Match(name) is { Success: true } c
                    ? new DataSeries(name[..c.Index].Trim(), c.Groups["colour"].Value)
                    : new DataSeries(name, null));
            return;
        }
        if (numeric.IndexOf(false) is var bad and >= 0) { Problems.Add(text.NotANumber(line, values[bad])); return; }
        if (Kind != DataBlockKind.Chart && values.Count > 1) { Problems.Add(text.OneValue(line, label)); return; }
        if (Kind == DataBlockKind.Chart && Series.Count > 0 && values.Count != Series.Count)
        {
            Problems.Add(text.ValuesPerLine(line, values.Count, Series.Count));
            return;
        }
        if (Kind != DataBlockKind.Chart && numbers[0] < 0) { Problems.Add(text.BelowZero(line)); return; }
        foreach (var v in values) Decimals = Math.Max(Decimals, DecimalsOf(v));
        Rows.Add(new DataRow(label, numbers, colour, margin));
    }

    private void Check(DataBlockText text)
    {
        if (Problems.Count > 0) return;
        // A "header" with nothing under it was a line of figures that are not numbers.
        if (Rows.Count == 0 && headerLine is { } header) Problems.Add(text.NotANumber(header.Line, header.FirstValue));
        else if (Rows.Count == 0) Problems.Add(text.NoRows(Kind));
        else if (Rows.Count > MaxRows) Problems.Add(text.TooManyRows(MaxRows));
        else if (Kind == DataBlockKind.Chart)
        {
            if (Series.Count == 0)
            {
                var width = Rows[0].Values.Count;
                if (Rows.Any(r => r.Values.Count != width)) Problems.Add(text.ValuesPerLine(0, 0, width));
                for (var i = 0; i < width; i++) Series.Add(new DataSeries(width == 1 ? Unit ?? "" : $"{i + 1}", null));
            }
            if (Rows.Count < 2) Problems.Add(text.TwoPoints);
            if (Series.Count > MaxSeries) Problems.Add(text.TooManySeries(MaxSeries));
        }
        else if (Rows.All(r => r.Values[0] == 0)) Problems.Add(text.AllZero);
    }

    private static List<string> Cells(string line)
    {
        char? split = line.Contains('|') ? '|' : line.Contains('\t') ? '\t' : line.Contains(';') ? ';' : null;
        if (split is { } c)
        {
            var cells = line.Split(c).Select(s => s.Trim()).ToList();
            // "| A | 42 |", as a Markdown table is typed.
            if (c == '|' && cells.Count > 1 && cells[0].Length == 0) cells.RemoveAt(0);
            if (c == '|' && cells.Count > 1 && cells[^1].Length == 0) cells.RemoveAt(cells.Count - 1);
            return cells;
        }
        if (KeyValue().Match(line) is { Success: true } kv)
            return [kv.Groups["label"].Value.Trim(), .. kv.Groups["rest"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        return [.. line.Split(',').Select(s => s.Trim())];
    }

    private static bool Gap(string cell) => cell is "" or "-" or "—" or "–" or "n/a" or "н/д";

    /// <summary>"42.5", "42,5", "1 234 567", "1,234,567.5", "42.5%" as a number; anything else null.</summary>
    public static double? Number(string cell)
    {
        var s = cell.Trim().TrimEnd('%').Trim().Replace("\u00A0", "").Replace("\u202F", "").Replace(" ", "").Replace('−', '-');
        if (s.Length == 0 || !NumberShape().IsMatch(s)) return null;
        if (s.Contains(',') && s.Contains('.')) s = s.Replace(",", "");
        else if (s.Count(ch => ch == ',') == 1 && !ThousandsOnly().IsMatch(s)) s = s.Replace(',', '.');
        else s = s.Replace(",", "");
        return double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : null;
    }

    private static int DecimalsOf(string cell)
    {
        var s = cell.Trim().TrimEnd('%').Trim();
        var dot = s.LastIndexOf('.');
        var comma = s.LastIndexOf(',');
        var at = Math.Max(dot, comma);
        if (at < 0 || (comma > dot && dot < 0 && ThousandsOnly().IsMatch(s.Replace(" ", "")))) return 0;
        return Math.Min(3, s.Length - at - 1);
    }

    [GeneratedRegex(@"^(?<key>[A-Za-zА-Яа-яЁё][A-Za-zА-Яа-яЁё ]{1,20}?)\s*:\s*(?<value>.*)$")]
    private static partial Regex Meta();

    [GeneratedRegex(@"^(?<label>.+):\s+(?<rest>[-+−]?\d.*)$")]
    private static partial Regex KeyValue();

    [GeneratedRegex(@"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")]
    private static partial Regex MarkdownRule();

    [GeneratedRegex(@"^#[0-9A-Fa-f]{6}$|^#[0-9A-Fa-f]{3}$")]
    private static partial Regex Colour();

    [GeneratedRegex(@"\s+(?<colour>#[0-9A-Fa-f]{6}|#[0-9A-Fa-f]{3})$")]
    private static partial Regex ColourAtEnd();

    [GeneratedRegex(@"^(?:±|\+/-|\+-)\s*(?<n>\d[\d.,]*)$")]
    private static partial Regex MarginCell();

    [GeneratedRegex(@"^[-+]?(\d[\d,]*)?(\.\d+)?$|^[-+]?\d+,\d+$")]
    private static partial Regex NumberShape();

    /// <summary>"1,234" and "12,345,678": commas that group thousands, not a decimal comma.</summary>
    [GeneratedRegex(@"^[-+]?\d{1,3}(,\d{3})+$")]
    private static partial Regex ThousandsOnly();
}
