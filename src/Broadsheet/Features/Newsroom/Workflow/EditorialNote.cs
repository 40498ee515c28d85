namespace Broadsheet.Features.Newsroom.Workflow;

/// <summary>A staff member's note on an article ("check the second quote"); never shown to readers, never part of a revision.</summary>
public sealed class EditorialNote
{
    public const int MaxLength = 4000;

    public int Id { get; set; }
    public int ArticleId { get; set; }
    public string? AccountId { get; set; }

    /// <summary>The writer's name as the newsroom showed it, kept for when the account is gone.</summary>
    public string WrittenBy { get; set; } = "";
    public required string Text { get; set; }

    /// <summary>UTC.</summary>
    public DateTime WrittenAt { get; set; }
}
