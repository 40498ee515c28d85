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
    private readonly KeptCopy<BreakingNews?> kept = new(clock, TimeSpan.FromMinutes(1));

    /// <summary>The strip readers should see now, if any.</summary>
    public async ValueTask<BreakingNews?> LiveAsync(CancellationToken ct = default)
    {
        var strip = kept.TryGet(out var known) ? known : await kept.GetAsync(LatestAsync, ct);
        return strip is { } live && live.IsLiveAt(clock.GetUtcNow().UtcDateTime) ? live : null;
    }

    private async Task<BreakingNews?> LatestAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        return await db.BreakingNews.AsNoTracking().OrderByDescending(b => b.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>How long a page showing <paramref name="strip"/> may be reused.</summary>
    public TimeSpan LiveFor(BreakingNews strip) => strip.ExpiresAt - clock.GetUtcNow().UtcDateTime;

    public string Tag => CacheEviction.SettingsTag;

    public void Forget() => kept.Forget();
}
