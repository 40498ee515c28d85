using System.Text.Json;

namespace Broadsheet.Features.Import;

/// <summary>
/// The <see cref="ImportReport"/> of a run from the newsroom, as kept with the run so it can be read again
/// later (the report itself is the importer's working tally, not a stored shape).
/// </summary>
public sealed record ImportRunReport(
    bool DryRun,
    Dictionary<string, int> Imported,
    Dictionary<string, int> Updated,
    Dictionary<string, int> Unchanged,
    Dictionary<string, int> Skipped,
    List<string> Failures,
    List<string> Warnings,
    int WarningCount,
    int Redirects)
{
    public const int FailuresListed = 100;

    public bool ChangedNothing => Imported.Values.Sum() + Updated.Values.Sum() + Redirects == 0;

    public static ImportRunReport From(ImportReport report) => new(
        report.DryRun, new(report.Imported), new(report.Updated), new(report.Unchanged), new(report.Skipped),
        [.. report.Failures.Take(FailuresListed)], [.. report.Warnings], report.WarningCount, report.Redirects)
    {
        FailureCount = report.Failures.Count,
    };

    public int FailureCount { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this);

    public static ImportRunReport? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<ImportRunReport>(json);
}
