namespace Broadsheet.Features.Articles.History;

/// <summary>The words of an article as one save left them. Autosaves replace the previous autosave, so history stays readable.</summary>
public sealed class Revision
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public required string Title { get; set; }
    public string Lead { get; set; } = "";
    public string Body { get; set; } = "";

    /// <summary>Who saved it: the account's id and, kept for when the account is gone, its name.</summary>
    public string? AccountId { get; set; }
    public string SavedBy { get; set; } = "";

    /// <summary>UTC.</summary>
    public DateTime SavedAt { get; set; }
    public bool IsAutosave { get; set; }

    /// <summary>What the save did (<see cref="RevisionAction"/>); null on revisions kept before the newsroom said.</summary>
    public string? Action { get; set; }

    /// <summary>Set when the save was published as a correction; the public note itself is a <see cref="Correction"/>.</summary>
    public bool IsCorrection { get; set; }
}
