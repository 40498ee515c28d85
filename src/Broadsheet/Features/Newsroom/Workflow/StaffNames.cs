using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Workflow;

/// <summary>
/// How the newsroom names a colleague: their byline (author profile) when they have one, else the name
/// on their account, else the part of their address before the @. Never the whole address on screen.
/// </summary>
public sealed class StaffNames(BroadsheetDb db)
{
    public async Task<Dictionary<string, string>> OfAsync(IEnumerable<string?> accountIds, CancellationToken ct)
    {
        var ids = accountIds.OfType<string>().Where(id => id.Length > 0).Distinct().ToList();
        if (ids.Count == 0) return [];
        var bylines = await db.Authors.AsNoTracking().Where(a => a.AccountId != null && ids.Contains(a.AccountId))
            .Select(a => new { a.AccountId, a.Name }).ToListAsync(ct);
        var accounts = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in accounts)
            names[a.Id] = a.DisplayName is { Length: > 0 } shown ? shown : Before(a.Email ?? a.Id);
        foreach (var b in bylines.Where(b => b.Name.Length > 0))
            names[b.AccountId!] = b.Name;
        return names;
    }

    public async Task<string> OfAsync(string? accountId, CancellationToken ct) =>
        (await OfAsync([accountId], ct)).GetValueOrDefault(accountId ?? "", "");

    /// <summary>"nina@news.test" becomes "nina": for records kept with an address and nothing better.</summary>
    public static string Before(string address) => address.Split('@')[0];
}
