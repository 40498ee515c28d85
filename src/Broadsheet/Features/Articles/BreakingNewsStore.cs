using Broadsheet.Infrastructure.Caching;
using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Articles;

/// <summary>
/// Every public page asks for the strip, so it is read once and kept, like the site settings: the
/// newsroom's save evicts the settings tag, which forgets this copy on every node and every cached
/// page. Expiry needs no eviction: the kept strip is checked against the clock on each use, and a page
/// that shows it is cached no longer than the strip lives (<see cref="LiveFor"/>).
/// </summary>
public sealed class BreakingNewsStore(IServiceScopeFactory scopes, TimeProvider clock) : ICachedCopy
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private volatile Kept? current;

    private sealed record Kept(BreakingNews? Strip, DateTimeOffset ReadAt);

    /// <summary>The strip readers should see now, if any.</summary>
    public async ValueTask<BreakingNews?> LiveAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (current is not { } known || now - known.ReadAt >= MaxAge)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
            var strip = await db.BreakingNews.AsNoTracking().OrderByDescending(b => b.Id).FirstOrDefaultAsync(ct);
            current = known = new Kept(strip, now);
        }
        return known.Strip is { } live && live.IsLiveAt(now.UtcDateTime) ? live : null;
    }

    /// <summary>How long a page showing <paramref name="strip"/> may be reused.</summary>
    public TimeSpan LiveFor(BreakingNews strip) => strip.ExpiresAt - clock.GetUtcNow().UtcDateTime;

    public string Tag => CacheEviction.SettingsTag;

    public void Forget() => current = null;
}
