using Broadsheet.Features.Accounts;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Staff;

/// <summary>
/// Readers' accounts (everyone in no staff role), found by address or name, a page at a time. A real site has
/// thousands, so the page never loads them all: keyset paging on the normalised address, which is unique.
/// </summary>
public sealed class ReadersModel(BroadsheetDb db, PageMeta meta, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;
    public const int MaxQuery = 100;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    public List<Row> Readers { get; private set; } = [];
    public string? Next { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        meta.Title = "Readers";
        meta.NoIndex = true;
        if (Q is { Length: > MaxQuery } || After is { Length: > 256 }) return BadRequest();
        var staffRoleIds = db.Roles.Where(r => StaffRoles.Staff.Contains(r.Name!)).Select(r => r.Id);
        var query = db.Users.AsNoTracking().Where(u => !db.UserRoles.Any(ur => ur.UserId == u.Id && staffRoleIds.Contains(ur.RoleId)));
        if (Q?.Trim() is { Length: > 0 } q)
        {
            // The stored, folded forms: case and look-alike letters do not hide a reader from the search.
            var address = q.ToUpperInvariant();
            var name = DisplayNames.Key(q);
            query = query.Where(u => u.NormalizedEmail!.Contains(address) || (name.Length > 0 && u.DisplayNameKey.Contains(name)));
        }
        // Becomes SQL's ">" on the column, in the database's own order, the same one OrderBy below uses.
#pragma warning disable CA1309, CA1310
        if (After is { Length: > 0 } after) query = query.Where(u => string.Compare(u.NormalizedEmail, after) > 0);
#pragma warning restore CA1309, CA1310
        var now = clock.GetUtcNow().UtcDateTime;
        Readers = [.. (await query.OrderBy(u => u.NormalizedEmail).Take(PageSize + 1)
            .Select(u => new { u.Id, u.Email, u.NormalizedEmail, u.DisplayName, u.CreatedAt, u.EmailConfirmed, u.BlockedUntil })
            .ToListAsync(ct))
            .Select(u => new Row(u.Id, u.Email ?? "", u.NormalizedEmail ?? "", u.DisplayName, u.CreatedAt, u.EmailConfirmed, u.BlockedUntil is { } until && until > now))];
        if (Readers.Count > PageSize)
        {
            Readers.RemoveAt(PageSize);
            Next = Readers[^1].Key;
        }
        return Page();
    }

    public sealed record Row(string Id, string Email, string Key, string DisplayName, DateTime CreatedAt, bool Confirmed, bool Blocked);
}
