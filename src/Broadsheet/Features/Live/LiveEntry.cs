using Broadsheet.Features.Articles;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Live;

/// <summary>
/// One short, timestamped update in a live article. An entry is never removed from the table: a deletion
/// is a change readers' open pages must hear of, so it stays as a marker with its own change number.
/// </summary>
public sealed class LiveEntry
{
    public const int MaxBody = 20_000;
    public const int MaxHeadline = 200;

    public int Id { get; set; }
    public int ArticleId { get; set; }

    /// <summary>
    /// The article's change counter at this entry's last change: posting, editing, pinning and deleting each take the
    /// next number. It is the stream's event id, so a reader who comes back with Last-Event-ID gets every entry
    /// changed since. Unique per article, taken as the highest plus one: two staff posting at once cannot share one,
    /// and one cannot commit a smaller number after a reader has seen a larger (the unique index makes the second wait, then retry).
    /// </summary>
    public long Change { get; set; }

    /// <summary>UTC.</summary>
    public DateTime PostedAt { get; set; }

    /// <summary>UTC; set by an edit, which readers see as "edited".</summary>
    public DateTime? EditedAt { get; set; }
    public string? AuthorAccountId { get; set; }

    /// <summary>The name readers see, as the newsroom named the author when they posted.</summary>
    public string AuthorName { get; set; } = "";
    public string? Headline { get; set; }
    public string Body { get; set; } = "";

    /// <summary>Rendered by <see cref="ArticleBody"/> when saved, so no reader's request renders Markdown.</summary>
    public string BodyHtml { get; set; } = "";

    /// <summary>A key event: listed at the top of the page, with a link that jumps to it.</summary>
    public bool IsKeyEvent { get; set; }
    public bool IsDeleted { get; set; }

    public static void Configure(ModelBuilder model) => model.Entity<LiveEntry>(e =>
    {
        e.Property(x => x.AuthorAccountId).HasMaxLength(450);
        e.Property(x => x.AuthorName).HasMaxLength(150);
        e.Property(x => x.Headline).HasMaxLength(MaxHeadline);
        e.HasIndex(x => new { x.ArticleId, x.Change }).IsUnique();
        e.HasOne<Article>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
    });
}
