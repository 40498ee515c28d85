using Broadsheet.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Site;

/// <summary>
/// Every page needs the settings, so they are read once and kept; the newsroom calls
/// <see cref="Forget"/> after saving them.
/// </summary>
public sealed class SiteSettingsStore(IServiceScopeFactory scopes)
{
    private volatile SiteContext? current;

    public async ValueTask<SiteContext> GetAsync(CancellationToken ct = default)
    {
        if (current is { } known) return known;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BroadsheetDb>();
        var settings = await db.SiteSettings.AsNoTracking().Include(s => s.Channels)
            .FirstOrDefaultAsync(ct) ?? new SiteSettings();
        settings.Channels = [.. settings.Channels.OrderBy(c => c.Position)];
        return current = new SiteContext(settings);
    }

    public SiteContext Current => current ?? GetAsync().AsTask().GetAwaiter().GetResult();

    public void Forget() => current = null;
}
