namespace Broadsheet.Features.Articles;

/// <summary>
/// A public admission that a published article was wrong, listed at its foot. Not every edit
/// is one: a silent typo fix is not, and an update (new facts) is not either.
/// </summary>
public sealed class Correction
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public required string Note { get; set; }

    /// <summary>UTC.</summary>
    public DateTime MadeAt { get; set; }
}
