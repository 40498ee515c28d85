using System.Security.Claims;

namespace Broadsheet.Features.Articles.History;

/// <summary>
/// What kind of change <see cref="ArticleHistory"/> records, and who made it. The article object
/// carries the change itself; this says what the history should make of it.
/// </summary>
public sealed record ArticleEdit(ClaimsPrincipal By)
{
    /// <summary>The audit line this kind of change leaves ("publish", "typo-fix", an import); null for a plain save, which its revision already tells.</summary>
    public string? Audit { get; init; }

    /// <summary>The audit line's details; the article's title when null.</summary>
    public string? AuditDetails { get; init; }

    /// <summary>The public note of a correction; null when the change is not one. A correction is always shown as an update.</summary>
    public string? CorrectionNote { get; init; }

    /// <summary>Readers are told the article was updated (the time under the headline).</summary>
    public bool MarkUpdated { get; init; }

    public bool IsAutosave { get; init; }

    /// <summary>The step the revision is labelled with (<see cref="RevisionAction"/>); "saved" or "autosaved" when null.</summary>
    public string? Step { get; init; }

    /// <summary>
    /// Rows the caller saves with the change, in the same transaction, once the article has its id
    /// (the editor's channel choice).
    /// </summary>
    public Func<Article, CancellationToken, Task>? Alongside { get; init; }
}
