using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Articles;

/// <summary>
/// Edits to a published article that the editor has typed but not yet published with "Update":
/// the whole form as it stood at the last autosave. Readers keep seeing the article as it is;
/// the edit screen opens on this instead, and "Update" applies it (and removes it) through
/// <see cref="ArticleDesk"/> like any save, so history and audit see one change, not every keystroke.
/// </summary>
public sealed class PendingEdit
{
    public int ArticleId { get; set; }

    /// <summary>The posted <see cref="ArticleForm"/> as JSON: every field, so nothing typed is lost.</summary>
    public string Form { get; set; } = "";

    /// <summary>The article's version the edit started from; "Update" from an older one is the usual conflict.</summary>
    public Guid BaseVersion { get; set; }

    public string? AccountId { get; set; }
    public string SavedBy { get; set; } = "";

    /// <summary>UTC.</summary>
    public DateTime SavedAt { get; set; }

    public static void Configure(ModelBuilder model) => model.Entity<PendingEdit>(p =>
    {
        p.HasKey(x => x.ArticleId);
        p.Property(x => x.AccountId).HasMaxLength(450);
        p.Property(x => x.SavedBy).HasMaxLength(256);
        p.HasOne<Broadsheet.Features.Articles.Article>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
    });
}
