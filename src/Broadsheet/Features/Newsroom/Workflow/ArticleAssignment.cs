namespace Broadsheet.Features.Newsroom.Workflow;

/// <summary>Who is to take an article's next step (write, edit, check); at most one person per article, and nobody is fine.</summary>
public sealed class ArticleAssignment
{
    public int ArticleId { get; set; }
    public required string AccountId { get; set; }
    public string AssignedBy { get; set; } = "";

    /// <summary>UTC.</summary>
    public DateTime AssignedAt { get; set; }
}
