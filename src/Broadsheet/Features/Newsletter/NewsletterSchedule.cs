using Broadsheet.Infrastructure.Jobs;

namespace Broadsheet.Features.Newsletter;

/// <summary>
/// The newsletter's errands, every few seconds on every node: forgets expired sign-ups and sends whatever
/// is pending (alerts, retries, what a previous process left). Editions are planned by <see cref="DigestHour"/>.
/// No lease: each delivery row is claimed before it is sent, so nodes share the sending.
/// </summary>
public sealed class NewsletterSchedule(IServiceScopeFactory scopes, DigestDispatch dispatch, NewsletterOptions options) : IJob
{
    public string Name => "newsletter";

    public JobSchedule Schedule => options.SchedulerSeconds > 0 ? JobSchedule.Every(TimeSpan.FromSeconds(options.SchedulerSeconds)) : JobSchedule.Off;

    public bool OnOneNode => false;

    public async Task RunAsync(CancellationToken ct)
    {
        await using (var scope = scopes.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Subscriptions>().ForgetUnconfirmedAsync(ct);
        await dispatch.SendPendingAsync(ct);
    }
}
