using Broadsheet.Infrastructure.Data;
using Broadsheet.Infrastructure.Data.Faults;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Broadsheet.Infrastructure.Health;

/// <summary>
/// /healthz says the process is up (for restarts); /readyz says it can serve (for the load
/// balancer): the database answers and takes writes. Neither is cached, and neither says more than it must.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Text("ok"));
        app.MapGet("/readyz", Ready).AddEndpointFilter(ShutdownDrain.OutOfRotation);
        return app;
    }

    private static async Task<Results<Ok<Readiness>, JsonHttpResult<Readiness>>> Ready(BroadsheetDb db, WriteOutage outage, CancellationToken ct)
    {
        var database = await CanReachAsync(() => db.Database.CanConnectAsync(ct));
        // Writes failing (a full disk) also takes the node out: it can serve reads, but a balancer should send writers elsewhere.
        var writes = !outage.IsOn;
        var readiness = new Readiness(database ? "ok" : "unreachable", writes ? "ok" : "failing");
        return database && writes ? TypedResults.Ok(readiness) : TypedResults.Json(readiness, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<bool> CanReachAsync(Func<Task<bool>> probe)
    {
        try { return await probe().WaitAsync(TimeSpan.FromSeconds(3)); }
        catch (Exception) { return false; }
    }

    public sealed record Readiness(string Database, string Writes);
}
