using Broadsheet.Infrastructure.Caching;
using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Site;

/// <summary>
/// Every page needs the settings, so they are read once and kept; the newsroom calls
/// <see cref="Forget"/> after saving them, on every node through the eviction broadcast. A broadcast
/// can be missed (Redis away, a subscription reconnecting), so a copy is also read again after <see cref="MaxAge"/>.
/// A reading still under way when <see cref="Forget"/> is called may carry the settings from before the save: it answers
/// the call that made it and is not served again, or every page would show the old settings for up to a minute.
/// </summary>
public sealed class SiteSettingsStore(IServiceScopeFactory scopes, TimeProvider clock) : ICachedCopy
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private volatile Kept? current;
    private int forgotten;

    private sealed record Kept(SiteContext Site, DateTimeOffset ReadAt, int Forgotten);

    private SiteContext? Fresh =>
        current is { } known && known.Forgotten == Volatile.Read(ref forgotten) && clock.GetUtcNow() - known.ReadAt < MaxAge ? known.Site : null;

    public async ValueTask<SiteContext> GetAsync(CancellationToken ct = default)
    {
        if (Fresh is { } kept) return kept;
        var forgottenBefore = Volatile.Read(ref forgotten);
        var readAt = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var settings = await db.SiteSettings.AsNoTracking().Include(s => s.Channels)
            .OrderBy(s => s.Id).FirstOrDefaultAsync(ct) ?? new SiteSettings();
        settings.Channels = [.. settings.Channels.OrderBy(c => c.Position)];
        var site = new SiteContext(settings);
        current = new Kept(site, readAt, forgottenBefore);
        return site;
    }

    public SiteContext Current => Fresh ?? GetAsync().AsTask().GetAwaiter().GetResult();

    public string Tag => CacheEviction.SettingsTag;

    public void Forget()
    {
        Interlocked.Increment(ref forgotten);
        current = null;
    }
}
