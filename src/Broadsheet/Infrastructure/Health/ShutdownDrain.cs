namespace Broadsheet.Infrastructure.Health;

/// <summary>
/// How a node leaves a load balancer without dropping a request. From the moment it is told to stop
/// (SIGTERM), /readyz answers 503 while the node goes on serving everything that arrives for
/// <c>Broadsheet:ShutdownDrainSeconds</c>, long enough for the balancer's health checks to take it out of
/// rotation; only then does the server stop listening and finish the requests in flight, and after it
/// the background jobs (the view flusher's last flush among them) stop.
/// </summary>
public sealed class ShutdownDrain(IHostApplicationLifetime lifetime, BroadsheetOptions options, ILogger<ShutdownDrain> log) : IHostedLifecycleService
{
    public bool HasBegun => lifetime.ApplicationStopping.IsCancellationRequested;

    /// <summary>Runs before any hosted service stops, the web server included, so the node keeps listening meanwhile.</summary>
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        if (options.ShutdownDrainSeconds <= 0) return;
        log.LogInformation("Shutting down: /readyz answers 503; still serving for {Seconds} s so the load balancer can move away", options.ShutdownDrainSeconds);
        try { await Task.Delay(TimeSpan.FromSeconds(options.ShutdownDrainSeconds), cancellationToken); }
        catch (OperationCanceledException) { }
    }

    /// <summary>For /readyz: a node that is shutting down answers 503 before checking anything else.</summary>
    public static async ValueTask<object?> OutOfRotation(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.RequestServices.GetRequiredService<ShutdownDrain>().HasBegun
            ? TypedResults.Json(new { node = "stopping" }, statusCode: StatusCodes.Status503ServiceUnavailable)
            : await next(context);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
