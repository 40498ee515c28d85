namespace Broadsheet.Features.Articles;

/// <summary>
/// The site-wide strip above every public page for news that cannot wait for the front page to be
/// read. It always has an expiry: a strip forgotten by a tired editor takes itself down.
/// </summary>
public sealed class BreakingNews
{
    public const int MaxText = 200;

    public int Id { get; set; }
    public required string Text { get; set; }

    /// <summary>A site path or an absolute http(s) address; none for a strip that only informs.</summary>
    public string? Link { get; set; }

    /// <summary>UTC.</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>UTC.</summary>
    public DateTime SetAt { get; set; }
    public string SetBy { get; set; } = "";

    public bool IsLiveAt(DateTime utcNow) => ExpiresAt > utcNow;
}
