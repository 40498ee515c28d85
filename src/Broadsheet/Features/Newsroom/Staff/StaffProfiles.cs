using Broadsheet.Features.Articles;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Staff;

/// <summary>
/// A staff member's byline profile (<see cref="Author"/> with their account), made on first need from the
/// name they were invited under — never from the mail address, which would put "nina.k" on the public page.
/// </summary>
public sealed class StaffProfiles(BroadsheetDb db, SiteContext site)
{
    public Task<Author?> FindAsync(string accountId, CancellationToken ct) =>
        db.Authors.FirstOrDefaultAsync(a => a.AccountId == accountId, ct);

    /// <summary>The account's profile, made and saved now when it has none.</summary>
    public async Task<Author> OwnAsync(string accountId, CancellationToken ct)
    {
        if (await FindAsync(accountId, ct) is { } profile) return profile;
        var account = await db.Users.AsNoTracking().FirstAsync(u => u.Id == accountId, ct);
        // The mail address is the last resort, for an account made before invitations asked for a name.
        var name = account.DisplayName is { Length: > 0 } given ? given.Trim() : (account.Email ?? "author").Split('@')[0];
        profile = new Author
        {
            Name = name, Slug = await FreeSlugAsync(name, ct), AccountId = accountId,
            NameEn = site.IsRussian ? null : name, NameRu = site.IsRussian ? name : null,
        };
        db.Authors.Add(profile);
        await db.SaveChangesAsync(ct);
        return profile;
    }

    public async Task<string> FreeSlugAsync(string name, CancellationToken ct, int exceptId = 0)
    {
        var baseSlug = Slug.From(name) is { Length: > 0 } s ? s : "author";
        var slug = baseSlug;
        for (var n = 2; await db.Authors.AnyAsync(a => a.Slug == slug && a.Id != exceptId, ct); n++) slug = $"{baseSlug}-{n}";
        return slug;
    }
}
