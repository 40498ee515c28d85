using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Jobs;

namespace Broadsheet.Features.Newsletter;

/// <summary>
/// Plans the day's editions when their hour comes (<see cref="NewsletterOptions.DailyAt"/> in the site's time
/// zone, asked again as the zone may change) and sends them at once; at start it catches up on an hour missed
/// while the app was down. Planning is once per edition (a unique key), so every node may try.
/// </summary>
public sealed class DigestHour(IServiceScopeFactory scopes, DigestDispatch dispatch, SiteSettingsStore settings, NewsletterOptions options) : IJob
{
    public string Name => "newsletter-editions";

    public JobSchedule Schedule => options.SchedulerSeconds > 0 ? JobSchedule.At(NextAsync, TimeSpan.FromMinutes(1)) : JobSchedule.Off;

    public bool OnOneNode => false;

    public async Task RunAsync(CancellationToken ct)
    {
        await using (var scope = scopes.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DigestEditions>().PlanDueAsync(ct);
        await dispatch.SendPendingAsync(ct);
    }

    /// <summary>The first <see cref="NewsletterOptions.DailyAt"/> in the site's zone after <paramref name="after"/>.</summary>
    public async ValueTask<DateTimeOffset> NextAsync(DateTimeOffset after, CancellationToken ct)
    {
        var site = await settings.GetAsync(ct);
        var local = site.ToLocal(after.UtcDateTime);
        var at = DateOnly.FromDateTime(local).ToDateTime(options.DailyAt);
        if (at <= local) at = at.AddDays(1);
        return new DateTimeOffset(DateTime.SpecifyKind(site.ToUtc(at), DateTimeKind.Utc));
    }
}
