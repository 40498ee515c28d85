namespace Broadsheet.Features.Import;

/// <summary>
/// What one WordPress entry became here: its kind and id there (<see cref="ImportKind"/>), the Broadsheet
/// row it made, and the hash of its source. A second run finds the row and, when the hash is the same,
/// leaves it alone; a newer export with a changed entry updates that row only.
/// </summary>
public sealed class ImportedItem
{
    public long Id { get; set; }
    public required string Kind { get; set; }
    public long SourceId { get; set; }
    public long TargetId { get; set; }
    public required string Fingerprint { get; set; }

    /// <summary>UTC.</summary>
    public DateTime ImportedAt { get; set; }
}

/// <summary>The kinds of WordPress entry kept in <see cref="ImportedItem"/>; ids are unique within a kind only.</summary>
public static class ImportKind
{
    public const string Author = "author";
    public const string Category = "category";
    public const string Tag = "tag";
    public const string Attachment = "attachment";
    public const string Post = "post";
    public const string Page = "page";
    public const string Comment = "comment";
}
