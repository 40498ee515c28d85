using System.Globalization;

namespace Broadsheet.Features.Import;

/// <summary>
/// What a run did, kind by kind: imported (new here), updated (changed in the newer export), unchanged
/// (already here as it is), skipped with the reason, failed (nothing of it written), warnings and the old
/// addresses that now redirect. "Skipped" is a decision (spam, trash); "failed" is a fault in one entry.
/// </summary>
public sealed class ImportReport(bool dryRun)
{
    private const int Listed = 100;

    public bool DryRun { get; } = dryRun;
    public Dictionary<string, int> Imported { get; } = [];
    public Dictionary<string, int> Updated { get; } = [];
    public Dictionary<string, int> Unchanged { get; } = [];
    public Dictionary<string, int> Skipped { get; } = [];
    public List<string> Failures { get; } = [];
    public List<string> Warnings { get; } = [];

    public int Redirects { get; set; }
    public int WarningCount { get; private set; }

    public int Done => Imported.Values.Sum() + Updated.Values.Sum() + Unchanged.Values.Sum() + Skipped.Values.Sum() + Failures.Count;
    public bool ChangedNothing => Imported.Values.Sum() + Updated.Values.Sum() + Redirects == 0;

    public void Count(Dictionary<string, int> tally, string key, int by = 1) => tally[key] = tally.GetValueOrDefault(key) + by;

    public void Warn(string warning)
    {
        WarningCount++;
        if (Warnings.Count < Listed && !Warnings.Contains(warning)) Warnings.Add(warning);
    }

    public void Fail(string failure) => Failures.Add(failure);

    public void WriteTo(TextWriter output)
    {
        var would = DryRun ? "would be " : "";
        output.WriteLine(DryRun ? "Dry run: nothing was written." : "Import finished.");
        if (!DryRun && ChangedNothing && Failures.Count == 0)
            output.WriteLine("Nothing changed: everything in this export is already here as it is.");
        Line(output, $"Imported ({would}new)", Imported);
        Line(output, $"Updated ({would}changed since the last run)", Updated);
        Line(output, "Unchanged", Unchanged);
        Line(output, "Skipped", Skipped);
        output.WriteLine($"Redirects {would}created from old addresses: {Redirects.ToString("N0", CultureInfo.InvariantCulture)}");
        if (WarningCount > 0)
        {
            output.WriteLine($"Warnings ({WarningCount}):");
            foreach (var w in Warnings) output.WriteLine($"  - {w}");
            if (WarningCount > Warnings.Count) output.WriteLine($"  … and {WarningCount - Warnings.Count} more like these");
        }
        if (Failures.Count > 0)
        {
            output.WriteLine($"Failed ({Failures.Count}, nothing of these was written; the rest went on):");
            foreach (var f in Failures.Take(Listed)) output.WriteLine($"  - {f}");
        }
    }

    private static void Line(TextWriter output, string label, Dictionary<string, int> tally)
    {
        if (tally.Count == 0) return;
        output.WriteLine($"{label}: {string.Join(", ", tally.Select(t => $"{t.Value.ToString("N0", CultureInfo.InvariantCulture)} {t.Key}"))}");
    }
}
