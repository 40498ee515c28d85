namespace Broadsheet.Features.Import;

/// <summary>
/// One import started from the newsroom's screen: the files it was given, who started it, how far it has come
/// (written about once a second while it runs, so any node can show it) and, at the end, its report.
/// </summary>
public sealed class ImportRun
{
    /// <summary>A run that has not said it is alive for this long died with its node (a crash, a restart) and holds nothing up.</summary>
    public static readonly TimeSpan Silence = TimeSpan.FromMinutes(2);

    public int Id { get; set; }

    /// <summary>UTC.</summary>
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public required string StartedBy { get; set; }
    public required string ExportName { get; set; }
    public string UploadsName { get; set; } = "";
    public bool DryRun { get; set; }
    public string State { get; set; } = ImportRunState.Queued;

    /// <summary>
    /// 1 while the run is queued or running, null after: a unique index on it lets only one run at a time be
    /// under way, which two administrators pressing "Start" in the same moment cannot get round.
    /// </summary>
    public int? Underway { get; set; } = 1;

    /// <summary>The web node that holds the files (they are in its data folder) and runs the import.</summary>
    public required string Node { get; set; }

    /// <summary>UTC; the last time the node said the run was alive.</summary>
    public DateTime HeartbeatAt { get; set; }

    public int Done { get; set; }
    /// <summary>How much of the file is read, in thousandths (both passes together).</summary>
    public int Permille { get; set; }
    public long Milliseconds { get; set; }
    public int Imported { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Skipped { get; set; }
    public int Failed { get; set; }
    public int Warnings { get; set; }
    public int Redirects { get; set; }

    /// <summary>The report as JSON (<see cref="ImportRunReport"/>) once the run has ended.</summary>
    public string? Report { get; set; }

    /// <summary>Why the run stopped short: the file is not an export, the node stopped, a fault.</summary>
    public string? Error { get; set; }

    public bool IsUnderwayAt(DateTime now) => Underway is not null && now - HeartbeatAt < Silence;

    /// <summary>What to show: a run whose node went silent is interrupted, whatever its row last said.</summary>
    public string StateAt(DateTime now) => Underway is not null && !IsUnderwayAt(now) ? ImportRunState.Interrupted : State;

    public double PerSecond => Milliseconds > 0 ? Done * 1000.0 / Milliseconds : 0;
}

public static class ImportRunState
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Finished = "finished";
    /// <summary>The file could not be read as an export, or a fault stopped the run; entries written before it stay (each was whole).</summary>
    public const string Failed = "failed";
    /// <summary>The node stopped while the run was under way; running it again picks up what is missing.</summary>
    public const string Interrupted = "interrupted";
}
