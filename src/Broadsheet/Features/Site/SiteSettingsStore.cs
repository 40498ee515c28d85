using Broadsheet.Infrastructure.Caching;
using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Site;

/// <summary>
/// Every page needs the settings, so they are read once and kept; the newsroom calls
/// <see cref="Forget"/> after saving them, on every node through the eviction broadcast. A broadcast
/// can be missed (Redis away, a subscription reconnecting), so a copy is also read again after <see cref="MaxAge"/>.
/// </summary>
public sealed class SiteSettingsStore(IServiceScopeFactory scopes, TimeProvider clock) : ICachedCopy
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly KeptCopy<SiteContext> kept = new(clock, MaxAge);

    // Every request asks; the kept copy is returned without making the reading's delegate.
    public ValueTask<SiteContext> GetAsync(CancellationToken ct = default) =>
        kept.TryGet(out var site) ? ValueTask.FromResult(site) : kept.GetAsync(ReadAsync, ct);

    private async Task<SiteContext> ReadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var settings = await db.SiteSettings.AsNoTracking().Include(s => s.Channels)
            .OrderBy(s => s.Id).FirstOrDefaultAsync(ct) ?? new SiteSettings();
        settings.Channels = [.. settings.Channels.OrderBy(c => c.Position)];
        return new SiteContext(settings);
    }

    public SiteContext Current => kept.TryGet(out var site) ? site : GetAsync().AsTask().GetAwaiter().GetResult();

    public string Tag => CacheEviction.SettingsTag;

    public void Forget() => kept.Forget();
}
