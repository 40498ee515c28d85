namespace Broadsheet.Features.Newsletter;

/// <summary>
/// The newsletter's clock: every few seconds it plans the editions that are due, forgets
/// expired sign-ups and sends whatever is pending, including what a previous process left.
/// </summary>
public sealed class NewsletterSchedule(IServiceScopeFactory scopes, DigestDispatch dispatch, NewsletterOptions options, TimeProvider clock, ILogger<NewsletterSchedule> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.SchedulerSeconds <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.SchedulerSeconds), clock);
        try
        {
            do
            {
                try { await RunOnceAsync(stoppingToken); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, "Newsletter tick failed; the next one will try again");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async Task RunOnceAsync(CancellationToken ct)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DigestEditions>().PlanDueAsync(ct);
            await scope.ServiceProvider.GetRequiredService<Subscriptions>().ForgetUnconfirmedAsync(ct);
        }
        await dispatch.SendPendingAsync(ct);
    }
}
