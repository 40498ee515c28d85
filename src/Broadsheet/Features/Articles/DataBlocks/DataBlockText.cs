using System.Globalization;

namespace Broadsheet.Features.Articles.DataBlocks;

/// <summary>
/// The words and number format of a data block, in the site's language. Figures follow the language's
/// habits: en "42.5%", "1,234,567"; ru «42,5 %», «1 234 567» (no-break spaces, so a figure never wraps).
/// The problems are the newsroom preview's: they say what to type instead.
/// </summary>
public sealed class DataBlockText
{
    public required CultureInfo Culture { get; init; }
    public required bool IsRussian { get; init; }

    public static readonly DataBlockText English = new() { Culture = CultureInfo.GetCultureInfo("en-GB"), IsRussian = false };
    public static readonly DataBlockText Russian = new() { Culture = CultureInfo.GetCultureInfo("ru-RU"), IsRussian = true };

    public static DataBlockText For(bool russian) => russian ? Russian : English;

    private string T(string en, string ru) => IsRussian ? ru : en;

    public string Number(double value, int decimals, string? unit)
    {
        var number = value.ToString("N" + decimals, Culture).Replace('-', '−');
        return unit switch
        {
            null or "" => number,
            "%" => IsRussian ? number + "\u00A0%" : number + "%",
            "pp" or "п. п." or "п.п." => number + "\u00A0" + T("pp", "п.\u00A0п."),
            _ => number + "\u00A0" + unit,
        };
    }

    public string Margin(double value, int decimals, string? unit) =>
        "±" + Number(value, decimals, unit == "%" ? "pp" : unit);

    public string DefaultTitle(DataBlockKind kind) => kind switch
    {
        DataBlockKind.Poll => T("Poll", "Опрос"),
        DataBlockKind.Chart => T("Chart", "График"),
        _ => T("Results", "Итоги"),
    };

    public string LabelHeading(DataBlockKind kind) => kind == DataBlockKind.Chart ? T("Time", "Время") : T("Candidate or party", "Кандидат или партия");
    public string ValueHeading(DataBlockKind kind) => kind == DataBlockKind.Poll ? T("Support", "Поддержка") : T("Result", "Результат");
    public string MarginHeading => T("Margin of error", "Погрешность");
    public string Source => T("Source", "Источник");
    public string AsOf => T("As of", "Данные на");
    public string MarginNote(string margin) => T($"Margin of error {margin}", $"Погрешность {margin}");

    public string Notice(string problem) => T(
        $"This data block is not shown to readers: {problem} Until it is fixed, the public page shows its text as typed.",
        $"Блок данных не показан читателям: {problem} Пока ошибка не исправлена, на сайте виден его текст как есть.");

    private static string Line(int line, string en, string ru, bool russian) =>
        line > 0 ? (russian ? $"строка {line}: {ru}" : $"line {line}: {en}") : (russian ? ru : en);

    public string NotANumber(int line, string cell) => Line(line,
        $"«{cell}» is not a number (write 42.5 or 42,5).", $"«{cell}» — не число (пишите 42,5 или 42.5).", IsRussian);
    public string NoLabel(int line) => Line(line, "the line has a figure but no name before it.", "у числа нет названия перед ним.", IsRussian);
    public string NoValue(int line, string label) => Line(line,
        $"«{label}» has no figure (write «{label} | 42.5»).", $"у «{label}» нет числа (пишите «{label} | 42,5»).", IsRussian);
    public string OneValue(int line, string label) => Line(line,
        $"«{label}» has more than one figure; results and polls take one a line.", $"у «{label}» больше одного числа; в итогах и опросах — одно число на строку.", IsRussian);
    public string ValuesPerLine(int line, int found, int expected) => Line(line,
        $"{found} figures, but the header names {expected} series.", $"чисел {found}, а в заголовке рядов {expected}.", IsRussian);
    public string BelowZero(int line) => Line(line, "a result cannot be below zero.", "результат не может быть меньше нуля.", IsRussian);
    public string NoRows(DataBlockKind kind) => kind == DataBlockKind.Chart
        ? T("there are no figures: write a line per moment, e.g. «10:00 | 12.5».", "нет чисел: пишите строку на каждый момент, например «10:00 | 12,5».")
        : T("there are no figures: write a line per party, e.g. «Party A | 42.5».", "нет чисел: пишите строку на каждую партию, например «Партия А | 42,5».");
    public string TooManyRows(int max) => T($"more than {max} lines of figures; a chart that long cannot be read.", $"больше {max} строк с числами; такой график не прочесть.");
    public string TooManySeries(int max) => T($"more than {max} series; a chart that busy cannot be read.", $"больше {max} рядов; такой график не прочесть.");
    public string TwoPoints => T("a chart needs at least two moments (two lines of figures).", "графику нужны хотя бы два момента (две строки с числами).");
    public string AllZero => T("every figure is zero: there is nothing to draw yet.", "все числа нулевые: рисовать пока нечего.");
}
